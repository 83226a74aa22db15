import { demoPreviewUrl } from '../src/preview';

export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'journey-demo-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'journey-demo-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'journey-demo-transfer-token-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'journey-demo-encryption-key') },
  flags: { nps: false, promoteEE: false },
  // The Content Manager's "Open preview" shows blog posts and landing pages on the demo site,
  // drafts included (src/preview.ts). The demo is served by this server, hence 'self'.
  preview: {
    enabled: true,
    config: {
      allowedOrigins: ["'self'"],
      handler: (uid: string, params: { documentId?: string; locale?: string; status?: string }) =>
        demoPreviewUrl(strapi, uid, params),
    },
  },
});
