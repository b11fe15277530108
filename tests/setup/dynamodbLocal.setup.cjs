// Placeholder until the store lands: starts nothing.
module.exports = async () => {};
