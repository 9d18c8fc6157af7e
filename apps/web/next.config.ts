import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';

export default function nextConfig(phase: string): NextConfig {
  return {
    // The client package ships TypeScript sources, not a build; Next compiles it with the app.
    transpilePackages: ['@eventhub/client'],
    poweredByHeader: false,
    // The build also emits .next/standalone: a server.js with only the files it needs, to run the
    // web app as its own process (`npm run start:web`, which reads its config from the build).
    // Only at build time: the API's in-process mount serves .next itself, and Next would warn
    // there that "next start" is not for standalone output.
    ...(phase === PHASE_PRODUCTION_BUILD ? { output: 'standalone' as const } : {}),
  };
}
