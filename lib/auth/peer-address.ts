import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_HEADER } from './client-address';

function record(message: unknown) {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
}

/**
 * Writes each incoming request's TCP peer into PEER_HEADER, over any copy the client sent. Next.js
 * gives application code no socket, and the X-Forwarded-For it adds keeps whatever value the client
 * sent, so this is where the real peer is still known. Node publishes the channel before the server's
 * 'request' event, so the header is on the request Next builds.
 */
export function recordPeerAddresses() {
  subscribe('http.server.request.start', record);
}
