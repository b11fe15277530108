// Every test runs with dummy AWS settings: nothing may reach a real account.
process.env.AWS_REGION = process.env.AWS_REGION || 'local';
process.env.AWS_ACCESS_KEY_ID = process.env.AWS_ACCESS_KEY_ID || 'x';
process.env.AWS_SECRET_ACCESS_KEY = process.env.AWS_SECRET_ACCESS_KEY || 'x';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.TZ = process.env.TZ || 'America/Santiago';
