// The snippets (the crate's inline JS, in files of their own) that a wasm-bindgen glue module
// imports, as paths beside it: post-build.mjs keeps only these, and the embed loader fetches
// them with the glue rather than after it.
export const snippets = (glue) => [...glue.matchAll(/from\s*"\.\/(snippets\/[^"]+)"/g)].map(([, snippet]) => snippet);
