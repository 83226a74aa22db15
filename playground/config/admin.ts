export default ({ env }) => ({
  auth: { secret: env('ADMIN_JWT_SECRET', 'journey-demo-admin-jwt-secret') },
  apiToken: { salt: env('API_TOKEN_SALT', 'journey-demo-api-token-salt') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT', 'journey-demo-transfer-token-salt') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY', 'journey-demo-encryption-key') },
  flags: { nps: false, promoteEE: false },
});
