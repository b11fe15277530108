// jest globalTeardown of the `functions` project: stops the DynamoDB Local started by the setup.
export default async function teardown(): Promise<void> {
  const local = (globalThis as { __dynamoDbLocal__?: { stop(): Promise<void> } }).__dynamoDbLocal__;
  await local?.stop();
}
