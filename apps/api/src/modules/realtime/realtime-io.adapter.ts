import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AppConfig, ShutdownState } from '@app/common';
import type { Server, ServerOptions } from 'socket.io';

/** Largest frame a client may send; clients send no events, so anything bigger is abuse. */
const MAX_CLIENT_FRAME_BYTES = 16 * 1024;
/** How long a client has to answer the close of its websocket when draining starts (ws would wait 30 s). */
const CLOSE_GRACE_MS = 1000;

/**
 * Socket.IO on the api's own HTTP server, with the same allowed origins as the REST API. CORS does not bind
 * websockets, so the handshake itself checks Origin (ASVS 4.4.2): a browser page from another origin gets 403;
 * clients that send no Origin (apps, servers) still need a valid token to get any further.
 *
 * The HTTP server's close waits for every connection, upgraded ones included: when draining starts, every Socket.IO
 * connection is closed, in any namespace or none (transport close: clients reconnect, to another replica), and a
 * websocket whose client does not answer the close within CLOSE_GRACE_MS is cut.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly upgraded = new Set<Duplex>();

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly shutdown: ShutdownState,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = this.createServer(port, options);
    (this.httpServer as HttpServer).on('upgrade', (_request, socket: Duplex) => {
      this.upgraded.add(socket);
      socket.once('close', () => this.upgraded.delete(socket));
    });
    this.shutdown.onDraining(() => {
      server.engine.close();
      setTimeout(() => {
        for (const socket of this.upgraded) socket.destroy();
      }, CLOSE_GRACE_MS).unref();
    });
    return server;
  }

  private createServer(port: number, options?: ServerOptions): Server {
    return super.createIOServer(port, {
      ...(options as ServerOptions),
      serveClient: false,
      maxHttpBufferSize: MAX_CLIENT_FRAME_BYTES,
      // The token travels in the handshake's `auth`, never in a cookie: no credentials for cross-origin polling.
      cors: { origin: this.config.CORS_ORIGINS, credentials: false },
      allowRequest: (request, decide) => {
        const origin = request.headers.origin;
        if (origin === undefined || this.config.CORS_ORIGINS.includes(origin)) decide(null, true);
        else decide('Origin not allowed', false);
      },
    });
  }
}
