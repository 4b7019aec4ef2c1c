// Loaded by every page (App.razor); on the live pages it opens the case feed the moment the page starts, so the
// wall and the map are live while the Blazor circuit, the basemap and the layers are still on their way.
import { openEarlyFeed } from './opsfeed.js';

const livePages = ['/wall', '/map'];
if (livePages.includes(location.pathname.replace(/\/$/, '')) && !new URLSearchParams(location.search).has('replay') && window.signalR) {
    window.ccEarlyFeed = openEarlyFeed().catch(() => null);
}
