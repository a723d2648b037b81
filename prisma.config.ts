// Prisma CLI configuration. The app itself never reads this: it builds its client with a driver
// adapter in src/store/database.ts. Teams with Prisma's schema engine can still run
// `prisma migrate deploy/status` against DATABASE_URL using the same migrations folder.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/datadesk" },
});
