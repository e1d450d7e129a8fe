import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The server's Prometheus metrics (prom-client 15, its own registry per server so that several servers in one
 * test process do not mix their counts).
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'candid_http_requests_total',
    help: 'HTTP requests by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'candid_http_request_duration_seconds',
    help: 'Time from a request to its answer (streamed bodies excluded), by route pattern',
    labelNames: ['route', 'method'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly bytesSynced = new Counter({
    name: 'candid_sync_bytes_total',
    help: 'Sealed bytes received and sent, by kind (batch, snapshot, blob) and direction (in, out)',
    labelNames: ['kind', 'direction'] as const,
    registers: [this.registry],
  });

  constructor(activeDevices: () => Promise<number>) {
    new Gauge({
      name: 'candid_active_devices',
      help: 'Devices not revoked that made a request in the last 24 hours',
      registers: [this.registry],
      async collect() {
        this.set(await activeDevices());
      },
    });
    collectDefaultMetrics({ register: this.registry, prefix: 'candid_process_' });
  }

  observe(route: string, method: string, status: number, seconds: number): void {
    this.requests.inc({ route, method, status: String(status) });
    this.latency.observe({ route, method }, seconds);
  }
}
