import http from 'node:http';
import http2 from 'node:http2';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import type { SimMiner } from './sim-miner';
import { antminerWeb } from './web-antminer';
import { auradineWeb } from './web-auradine';
import { braiinsGrpc } from './web-braiins';
import { elphapexWeb } from './web-elphapex';
import { readBody, sendJson } from './web-common';
import { vnishWeb } from './web-vnish';

/** The farm's HTTP/1.1 server and, per HTTP/2 connection, a gRPC server for that connection's miner. */
export type WebServers = { h1: http.Server; h2For(miner: SimMiner): http2.Http2Server; close(): void };

type MinerDuplex = Duplex & { simMiner?: SimMiner };

const HTTP_METHODS = /^(GET|POST|PUT|HEAD|DELETE|OPTIONS|PATCH) \//;

/** An HTTP/1.x request line or the HTTP/2 connection preface ("PRI * HTTP/2.0"). */
export function isHttpStart(first: Buffer): boolean {
  const head = first.subarray(0, 16).toString('latin1');
  return HTTP_METHODS.test(head) || head.startsWith('PRI * HTTP/2.0');
}

export function isHttp2Start(first: Buffer): boolean {
  return first.subarray(0, 14).toString('latin1') === 'PRI * HTTP/2.0';
}

/**
 * A duplex over the sniffed socket that first replays the bytes already read. Node's HTTP/2 server
 * reads its socket's handle directly, so `unshift` would lose the preface; a JS stream does not.
 */
export function bridge(socket: net.Socket, first: Buffer, miner: SimMiner): Duplex {
  const d: MinerDuplex = new Duplex({
    read() {},
    write(chunk, _enc, cb) {
      if (socket.destroyed) cb();
      else socket.write(chunk, () => cb());
    },
    final(cb) {
      socket.end();
      cb();
    },
    destroy(err, cb) {
      socket.destroy();
      cb(err);
    },
  });
  d.simMiner = miner;
  d.push(first);
  socket.on('data', (c: Buffer) => d.push(c));
  socket.on('end', () => d.push(null));
  socket.on('close', () => d.destroy());
  return d;
}

/** One HTTP/1.1 server and one HTTP/2 (gRPC) server per farm, never listening themselves. */
export function createWebServers(): WebServers {
  const h1 = http.createServer((req, res) => {
    const miner = (req.socket as unknown as MinerDuplex).simMiner;
    if (!miner) return void sendJson(res, 500, { error: 'no miner' });
    void readBody(req).then((body) => {
      if (!miner.reachable()) return void res.destroy();
      const handled = webFor(miner)?.(miner, req, res, body) ?? false;
      if (!handled) sendJson(res, 404, { error: 'not found' });
    });
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  return {
    h1,
    h2For(miner) {
      // One small server per connection: the stream handler needs the miner, which HTTP/2 streams do not carry.
      const h2 = http2.createServer();
      h2.on('session', (s) => {
        sessions.add(s);
        s.once('close', () => sessions.delete(s));
      });
      h2.on('stream', (stream, headers) => {
        if (miner.firmware === 'bosminer' && miner.reachable()) return braiinsGrpc(miner, stream, headers);
        stream.respond({ ':status': 404 });
        stream.end();
      });
      return h2;
    },
    close() {
      h1.closeAllConnections();
      for (const s of sessions) s.destroy();
    },
  };
}

type WebHandler = (m: SimMiner, req: http.IncomingMessage, res: http.ServerResponse, body: string) => boolean;

function webFor(m: SimMiner): WebHandler | null {
  if (m.firmware === 'bmminer') return antminerWeb;
  if (m.firmware === 'vnish') return vnishWeb;
  if (m.firmware === 'elphapex') return elphapexWeb;
  if (m.firmware === 'gcminer') return auradineWeb;
  return null;
}
