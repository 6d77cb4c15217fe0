// Where CesiumJS finds its workers and assets; a file, not an inline script, so that the page's Content-Security-Policy
// allows scripts from this server only.
window.CESIUM_BASE_URL = '/cesium/';
