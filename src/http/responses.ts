// Response bodies of the API: the schemas sit in src/schema/responses.ts, beside the shapes they are built from.
export * from '../schema/responses';
