// Imported first by a test that reads the metrics: publishes EMF outside Lambda (observability.ts reads it at load).
process.env.POWERTOOLS_METRICS_DISABLED = "false";
export {};
