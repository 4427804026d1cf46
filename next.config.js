/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and the logger stay outside the server bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pino", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
