import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Text into a stream, in chunks of ~64 KB, waiting for the stream to drain when it asks to (so a slow disk never
 * makes the whole export pile up in memory).
 */
export class TextWriter {
  private buffer = '';

  constructor(
    private readonly out: Writable,
    private readonly chunkSize = 64 * 1024,
  ) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk, 'utf8')) await once(this.out, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    this.out.end();
  }
}
