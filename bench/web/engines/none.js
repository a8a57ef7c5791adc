// No engine: the page alone, answering every search with nothing. Its "first result" is the floor
// under every engine's cold start: a fresh browser context, the navigation, the page and its
// module scripts.

export async function load() {}

export function search() {
  return [];
}
