import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const PAGES = path.resolve(import.meta.dirname, '../pages');

export interface PagesServer {
  origin: string;
  url(page: string): string;
  /** The same server as a second site: `http://localhost:PORT`. */
  altOrigin: string;
  altUrl(page: string): string;
  /** Every request the server answered, as `http://host/path?query`. */
  requests: string[];
  close(): Promise<void>;
}

export interface PagesOptions {
  /** /.well-known/tdmrep.json bodies by host name (`127.0.0.1`, `localhost`), served for an hour; other hosts answer 404. */
  tdmrep?: Record<string, string>;
}

/** Serves the test pages on loopback; `host` lets two origins share one server (127.0.0.1 / localhost). */
export async function servePages(options: PagesOptions = {}): Promise<PagesServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'x'}`);
    requests.push(url.href);
    if (url.pathname === '/.well-known/tdmrep.json') {
      const body = options.tdmrep?.[url.hostname];
      if (body === undefined) res.writeHead(404).end('not found');
      else res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' }).end(body);
      return;
    }
    // Only the file name counts, so `login/article.html` serves article.html at a login path.
    const name = path.basename(new URL(req.url ?? '/', 'http://x').pathname) || 'index.html';
    readFile(path.join(PAGES, name)).then(
      (body) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
      },
      () => {
        res.writeHead(404);
        res.end('not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  const altOrigin = `http://localhost:${port}`;
  return {
    origin,
    url: (page) => `${origin}/${page}`,
    altOrigin,
    altUrl: (page) => `${altOrigin}/${page}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
