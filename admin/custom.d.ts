/*
 * Ambient declarations for the admin build. The SDK template declared '@strapi/design-system' here as
 * an untyped module; that turned every design-system component into `any`, so it was removed: the
 * package ships its own types, and they check cleanly with TypeScript 5.9.
 */
export {};
