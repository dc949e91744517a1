// Keystone's service worker. It keeps one version of the app — its page and every asset the
// page names — so that the app opens with the network off after one visit, and it never mixes
// versions: a newer one is installed beside the running one and takes over only when the page
// asks (the "Reload to update" button; see public/offline.js).
//
// The version is the `v` of this script's URL (the page's wasm file name, which trunk hashes),
// so each build installs as a new worker with a cache of its own.
const PREFIX = 'keystone-';
const VERSION = new URL(self.location.href).searchParams.get('v') || 'unversioned';
const CACHE = PREFIX + VERSION;
const SCOPE = self.registration.scope;

// The page at the scope and what it links or imports: styles, the script, the wasm, icons.
async function precache() {
    const page = await fetch(SCOPE, { cache: 'no-cache' });
    if (!page.ok) throw new Error('the page answered ' + page.status);
    const html = await page.clone().text();
    const named = [...html.matchAll(/(?:href|src)="([^"#]+)"|from '([^']+)'|module_or_path: '([^']+)'/g)]
        .map(m => m[1] || m[2] || m[3])
        .filter(u => !/^(?:[a-z]+:|\/\/)/i.test(u));
    const urls = [...new Set(named.map(u => new URL(u, SCOPE).href))];
    const cache = await caches.open(CACHE);
    await cache.addAll(urls);
    await cache.put(SCOPE, page);
}

self.addEventListener('install', event => event.waitUntil(precache()));

self.addEventListener('activate', event => event.waitUntil((async () => {
    for (const key of await caches.keys()) {
        if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
})()));

self.addEventListener('message', event => {
    if (event.data === 'skip-waiting') self.skipWaiting();
});

// Cache first, for this version's files; anything else goes to the network. Every page of the
// app is the one page at the scope (views are addressed by the hash).
self.addEventListener('fetch', event => {
    const request = event.request;
    if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
    event.respondWith((async () => {
        const cache = await caches.open(CACHE);
        const hit = request.mode === 'navigate' ? await cache.match(SCOPE) : await cache.match(request);
        return hit || fetch(request);
    })());
});
