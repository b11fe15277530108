/** Where local mode (`npm start`) serves the API: host, port and base URL (no trailing slash). */
export const LOCAL_API_HOST = "127.0.0.1";
export const LOCAL_API_PORT = 4000;
export const LOCAL_API_BASE = `http://${LOCAL_API_HOST}:${LOCAL_API_PORT}`;
