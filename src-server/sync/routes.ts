import type { RouteTable } from '../http/route-table';
import { batchRoutes } from './batches';
import { blobRoutes } from './blobs';
import { imageRoutes } from './images';
import { keyRoutes } from './keys';
import { snapshotRoutes } from './snapshots';

/** Every route of the sync relay. */
export function syncRoutes(routes: RouteTable): void {
  keyRoutes(routes);
  batchRoutes(routes);
  snapshotRoutes(routes);
  imageRoutes(routes);
  blobRoutes(routes);
}
