// The operator's settings, parsed once: the schema sits in src/schema/settings.ts, low enough for every stage.
export * from '../schema/settings';
