import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The client package ships TypeScript sources, not a build; Next compiles it with the app.
  transpilePackages: ['@eventhub/client'],
  poweredByHeader: false,
};

export default nextConfig;
