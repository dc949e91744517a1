// Offline and updates, for the page: registers the service worker (sw.js at the app's root) for
// the version this page runs, and, when online, looks for a newer version on the server. A newer
// one is installed in the background; the app then offers "Reload to update" (it listens for
// `keystone:update-ready`) and asks for the switch with `keystone:update-now`. Plain JS: it must
// run whatever the wasm does.
(() => {
    if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    const wasmIn = text => (text.match(/href="([^"]*_bg\.wasm)"/) || [])[1];
    const running = () => {
        const link = document.querySelector('link[href$="_bg.wasm"]');
        return link && link.getAttribute('href');
    };
    const version = href => href.split('/').pop();
    const register = href => navigator.serviceWorker.register('sw.js?v=' + encodeURIComponent(version(href)));
    let ready = null;
    const offer = worker => {
        ready = worker;
        dispatchEvent(new CustomEvent('keystone:update-ready'));
    };
    const watch = registration => {
        if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
            const worker = registration.installing;
            if (!worker) return;
            worker.addEventListener('statechange', () => {
                if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
            });
        });
    };
    addEventListener('keystone:update-now', () => {
        if (!ready) return;
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload());
        ready.postMessage('skip-waiting');
    });
    addEventListener('load', async () => {
        const here = running();
        if (!here) return;
        try {
            watch(await register(here));
            // A query of its own: the service worker answers the plain page from its cache.
            const page = await fetch('./?version-check=' + Date.now(), { cache: 'no-store' });
            const latest = page.ok && wasmIn(await page.text());
            if (latest && version(latest) !== version(here)) watch(await register(latest));
        } catch (e) {
            // Offline, or the browser refused: this version keeps working as it is.
        }
    });
})();
