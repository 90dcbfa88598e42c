// Test-server middleware: response headers that individual test pages need (strict CSP pages etc.).
export const testServerMiddleware = [];
