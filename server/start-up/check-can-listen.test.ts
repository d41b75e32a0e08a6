import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { getFreePort } from '../testing/free-port';
import { checkCanListen } from './check-can-listen';
import { StartUpError } from './start-up-error';

const servers: net.Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

describe('checkCanListen', () => {
  it('resolves for a free port, and lets it go (it can be listened on right after)', async () => {
    const port = await getFreePort();
    await checkCanListen(port, { host: '127.0.0.1', setting: 'HOST' }, 'PORT');
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  });

  it('rejects with the one-line start-up error for a port in use, naming the setting', async () => {
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const refusal = checkCanListen(port, { host: '127.0.0.1', setting: 'HOST' }, 'PORT');
    await expect(refusal).rejects.toThrow(StartUpError);
    await expect(refusal).rejects.toThrow(`Port ${port} (PORT) is already in use`);
  });

  it('rejects naming HOST for an address of another machine', async () => {
    await expect(checkCanListen(await getFreePort(), { host: '192.0.2.1', setting: 'HOST' }, 'PORT')).rejects.toThrow(/^HOST \(192\.0\.2\.1\) is not an address of this machine \(EADDRNOTAVAIL\)/);
  });
});
