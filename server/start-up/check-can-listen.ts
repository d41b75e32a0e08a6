// Before anything slow starts (the development provider, the embedded catalog and its demo data): can
// Nansen listen where PORT and HOST say? A port in use or a HOST of another machine is then reported
// first, not after many unrelated catalog lines. The port is bound and let go at once; the real listen
// comes later and reports the same way should something take the port meanwhile.
import net from 'node:net';
import { listenError, type ListenAddress } from './start-up-error';

/** Resolves when `port` on `address.host` can be listened on; rejects with listenError's error otherwise. */
export function checkCanListen(port: number, address: ListenAddress, setting: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, port, setting, address)));
    probe.listen({ port, host: address.host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
