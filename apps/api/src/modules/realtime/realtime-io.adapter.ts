import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { AppConfig } from '@app/common';
import type { Server, ServerOptions } from 'socket.io';

/** Largest frame a client may send; clients send no events, so anything bigger is abuse. */
const MAX_CLIENT_FRAME_BYTES = 16 * 1024;

/**
 * Socket.IO on the api's own HTTP server, with the same allowed origins as the REST API. CORS does not bind
 * websockets, so the handshake itself checks Origin (ASVS 4.4.2): a browser page from another origin gets 403;
 * clients that send no Origin (apps, servers) still need a valid token to get any further.
 */
export class RealtimeIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
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
