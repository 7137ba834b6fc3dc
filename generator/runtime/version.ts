// The runtime's version, recorded with the bundle's sha256 in each generated .opsta/manifest.json.
// Bump it with any change to the runtime's behaviour (the bundle test catches a stale bundle, not a stale version).
export const RUNTIME_VERSION = '0.1.0';
