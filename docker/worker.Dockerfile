# syntax=docker/dockerfile:1
# Image of the BullMQ worker; it also serves /healthz, /readyz and /metrics on WORKER_PORT.
# Build context: the repository root.
#   docker build -f docker/worker.Dockerfile -t pets-worker:local .
# Migrations run from the api image (docker/api.Dockerfile), never from the worker.
# Ignore rules: docker/worker.Dockerfile.dockerignore (BuildKit reads <Dockerfile>.dockerignore).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- deps: every dependency (dev included), from the lockfile only, so this layer caches well --------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# No analytics pings from install scripts during the build.
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false
COPY package.json package-lock.json .npmrc ./
# npm workspaces: the lockfile names libs/sdk, so its manifest must be there for `npm ci`.
COPY libs/sdk/package.json libs/sdk/package.json
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --no-audit --no-fund

# ---- build: TypeScript to dist/ (tsc + tsc-alias rewrites the @app/* path aliases) -------------------------
FROM deps AS build
COPY tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
RUN npm run build

# ---- prod-deps: runtime dependencies only -----------------------------------------------------------------
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
ENV SCARF_ANALYTICS=false \
    npm_config_update_notifier=false
COPY package.json package-lock.json .npmrc ./
COPY libs/sdk/package.json libs/sdk/package.json
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --no-audit --no-fund

# ---- runtime ----------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# Files stay owned by root (the app user can read, not write them): the process cannot rewrite its own code,
# and the container also runs with a read-only root filesystem in Kubernetes.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.WORKER_PORT || 3001) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself (running jobs finish, see SHUTDOWN_TIMEOUT_MS).
CMD ["node", "dist/apps/worker/src/main.js"]
