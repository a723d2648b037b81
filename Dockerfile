# syntax=docker/dockerfile:1
# datadesk as a container: build the TypeScript once, run the compiled code as a non-root user.
# test/e2e/release.test.ts runs this file's COPY and npm steps in a clean copy outside a container,
# so keep every build step an `npm …` RUN line or a COPY.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so a source change does not reinstall them. postinstall generates the
# Prisma client offline (scripts/prisma-generate.mjs), so it needs the schema and its config.
COPY package.json package-lock.json prisma.config.ts ./
COPY scripts ./scripts
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATADESK_DATA_DIR=/data \
    DATADESK_HTTP=true \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
# The compiled code carries the generated Prisma client, so the runtime needs no Prisma CLI.
COPY --from=build /app/dist ./dist
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# Read at run time: migrations (applied at every start), the first-run sample, the manifests
# `datadesk doctor` compares the platforms against, and the CLI entry.
COPY prisma/migrations ./prisma/migrations
COPY samples ./samples
COPY manifests ./manifests
COPY bin ./bin
# The embedded store's data dir (unused when DATABASE_URL points to Postgres). It must belong to
# the runtime user, who owns the lock and the socket inside it.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# /healthz is 200 while the database answers (also while one platform reconnects), 503 while
# shutting down; see README "Operations".
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations run inside `start` (Prisma's advisory lock makes replicas starting together safe).
CMD ["node", "bin/datadesk.js", "start"]
