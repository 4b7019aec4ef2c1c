// Loaded by every page (App.razor); on the live pages it opens the case feed the moment the page starts, so the
// wall and the map are live while the Blazor circuit, the basemap and the layers are still on their way.
import { openEarlyFeed } from './opsfeed.js';

const livePages = ['/wall', '/map'];
if (livePages.includes(location.pathname.replace(/\/$/, ''))) {
    if (!new URLSearchParams(location.search).has('replay') && window.signalR) {
        window.ccEarlyFeed = openEarlyFeed().catch(() => null);
    }
    // The map module (MapLibre, 1 MB) and its tile worker are loaded now, while the circuit starts, instead of when
    // the circuit's first render asks for the map: the same module instance is the one the page imports then.
    import('./citymap.js').then((m) => m.prewarm()).catch(() => {});
}
