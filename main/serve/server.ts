/**
 * `caselink serve`: the browser bridge. Serves the built renderer and implements the
 * CaselinkApi over HTTP on 127.0.0.1 only, behind a random per-run token and Host/Origin checks
 * (see main/contract/bridge.ts for the protocol).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { isApiMethod, MAX_STAGED_FILE_BYTES, routeOf, type CaselinkApi } from '../contract/api';
import { BRIDGE_TOKEN_FRAGMENT } from '../contract/bridge';
import { dispatch } from '../services/api';

export interface BridgeOptions {
  api: CaselinkApi;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The token; a random one per run when not given. */
  token?: string;
}

export interface BridgeServer {
  /** The address to open, with the token in its fragment. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
/**
 * A browser on this computer sends a request's headers at once, and even the largest upload over
 * loopback in seconds; Node's defaults (60 s for the headers, 300 s for the request, checked every
 * 30 s) let a client that trickles bytes hold a connection for minutes.
 */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 120_000;
/**
 * The deepest nesting of arrays and objects a body may have. The renderer's deepest input (chart
 * settings) is a few levels; zod's `z.json()` checks recursively and overflows the stack at a few
 * thousand, which answered HTTP 500 instead of refusing the input.
 */
const MAX_JSON_DEPTH = 64;
/** stageFile carries a whole file, base64-encoded. */
const MAX_UPLOAD_BODY_BYTES = Math.ceil((MAX_STAGED_FILE_BYTES * 4) / 3) + 64 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The policy of renderer/index.html's meta tag, sent as a header too, plus frame-ancestors (which
 * browsers honour only in a header).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/**
 * How long, and how much, of a refused request's body is read and dropped before the answer.
 * A connection closed while the client is still sending is reset, and a reset can lose the answer
 * already sent on it: a browser whose token had changed lost the 401 of a 600 KB upload about once
 * in 50. Over loopback a browser sends even the largest upload within this time.
 */
const DRAIN_MS = 2_000;

/** Reads and drops the rest of `req`'s body: until it ends, `maxBytes` have come, or `DRAIN_MS` has passed. */
function drainBody(req: IncomingMessage, maxBytes: number): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((done) => {
    let left = maxBytes;
    const finish = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', finish);
      req.off('close', finish);
      req.pause();
      done();
    };
    const onData = (chunk: Buffer) => {
      left -= chunk.length;
      if (left < 0) finish();
    };
    const timer = setTimeout(finish, DRAIN_MS);
    req.on('data', onData);
    req.once('end', finish);
    req.once('close', finish);
  });
}

async function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'application/json; charset=utf-8',
): Promise<void> {
  await drainBody(res.req, MAX_UPLOAD_BODY_BYTES);
  // A request answered before its body has all arrived (a client that trickles it in, or sends
  // more than the bound above) ends its connection: else Node keeps reading whatever it still sends.
  const close = res.req.complete ? {} : { Connection: 'close' };
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...close,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether JSON text nests arrays and objects at most `max` deep; linear, without parsing. */
function nestsWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return false;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return true;
}

/** The `input` of a call's body, or an error saying what is wrong with the body. */
function parseBody(text: string): unknown {
  if (!text) return undefined;
  if (!nestsWithin(text, MAX_JSON_DEPTH)) throw new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  const body = JSON.parse(text) as unknown;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not a JSON object');
  return (body as { input?: unknown }).input;
}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridgeServer(options: BridgeOptions): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const rendererDir = await realpath(resolve(options.rendererDir));
  let allowedHosts: string[] = [];

  const serveStatic = async (pathname: string, res: ServerResponse) => {
    let relative: string;
    try {
      relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
    } catch {
      return send(res, 404, '{"error":"not found"}');
    }
    const file = resolve(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, '{"error":"not found"}');
    try {
      const body = await readFile(file);
      await send(res, 200, body, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
    } catch {
      await send(res, 404, '{"error":"not found"}');
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 sends its own Host.
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, '{"error":"host not allowed"}');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
      return send(res, 403, '{"error":"origin not allowed"}');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '{"error":"method not allowed"}');
      return serveStatic(url.pathname, res);
    }
    if (req.method !== 'POST') return send(res, 405, '{"error":"method not allowed"}');
    const auth = req.headers.authorization ?? '';
    if (!auth.startsWith('Bearer ') || !sameToken(auth.slice('Bearer '.length), token)) {
      return send(res, 401, '{"error":"token missing or wrong"}');
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, '{"error":"JSON only"}');
    }
    const method = url.pathname.slice('/api/'.length);
    if (!isApiMethod(method) || routeOf(method) !== url.pathname) return send(res, 404, '{"error":"no such method"}');
    let input: unknown;
    try {
      const text = await readBody(req, method === 'stageFile' ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES);
      input = parseBody(text);
    } catch (error) {
      return send(
        res,
        400,
        JSON.stringify({
          ok: false,
          error: { kind: 'InvalidInput', message: `Bad request body: ${(error as Error).message}` },
        }),
      );
    }
    const result = await dispatch(options.api, method, input);
    send(res, 200, JSON.stringify(result));
  };

  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1000 },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent)
          void send(res, 500, JSON.stringify({ ok: false, error: { kind: 'Internal', message: String(error) } }));
      });
    },
  );
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://127.0.0.1:${port}/#${BRIDGE_TOKEN_FRAGMENT}=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
