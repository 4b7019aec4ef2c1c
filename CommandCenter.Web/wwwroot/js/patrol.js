// 马路局长 patrol mode on the phone: while the page is open and the patrol runs, every GPS fix is buffered and sent to
// /api/patrols/{id}/points every few seconds. A batch that does not get through stays in the buffer (and in
// localStorage, so a reload keeps it) and goes again with the next one; the server drops what is absurd.
const SEND_MS = 5000;
let tracker = null;

function key(id) { return `cc-patrol-${id}`; }

function load(id) {
    try { return JSON.parse(localStorage.getItem(key(id)) ?? '[]'); } catch { return []; }
}

function save(t) {
    try { localStorage.setItem(key(t.id), JSON.stringify(t.buffer)); } catch { /* private mode: memory only */ }
}

async function flush(t) {
    if (t.sending || t.buffer.length === 0) return;
    t.sending = true;
    const batch = t.buffer.slice(0, 500);
    try {
        const response = await fetch(`/api/patrols/${t.id}/points`, {
            method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batch),
        });
        if (response.ok || (response.status >= 400 && response.status < 500 && response.status !== 401 && response.status !== 408 && response.status !== 429)) {
            // Taken (or refused for good, e.g. the patrol has ended): never send these again.
            t.buffer.splice(0, batch.length);
            save(t);
            if (response.ok) {
                const outcome = await response.json();
                t.sent += outcome.accepted ?? 0;
                t.dotnet?.invokeMethodAsync('OnPointsSent', t.sent, t.buffer.length, outcome.distanceM ?? 0);
            }
        }
    } catch {
        // Offline: keep the buffer for the next round.
    } finally {
        t.sending = false;
        t.dotnet?.invokeMethodAsync('OnBuffered', t.buffer.length);
    }
}

/**
 * Starts following the phone's position for patrol `id`; `dotnet` gets OnPointsSent(sent, waiting, distanceM) and
 * OnBuffered(waiting). `serverNowMs` is the server's clock at the call: fixes are stamped on it, so a phone whose own
 * clock is off still draws its track instead of having every point dropped as out of order or from the future.
 */
export function startTracking(dotnet, id, serverNowMs) {
    stopTracking();
    const offset = Number.isFinite(serverNowMs) ? serverNowMs - Date.now() : 0;
    const t = { id, dotnet, buffer: load(id), sent: 0, sending: false };
    if (navigator.geolocation) {
        t.watch = navigator.geolocation.watchPosition((p) => {
            t.buffer.push({ lon: p.coords.longitude, lat: p.coords.latitude, at: new Date(p.timestamp + offset).toISOString(), accuracyM: p.coords.accuracy });
            save(t);
        }, () => { }, { enableHighAccuracy: true, maximumAge: 0, timeout: 20000 });
    }
    t.timer = setInterval(() => flush(t), SEND_MS);
    t.online = () => flush(t);
    window.addEventListener('online', t.online);
    tracker = t;
    return navigator.geolocation ? true : false;
}

/** Stops following the position and sends what is buffered. */
export async function stopTracking() {
    const t = tracker;
    if (!t) return;
    tracker = null;
    if (t.watch != null) navigator.geolocation.clearWatch(t.watch);
    clearInterval(t.timer);
    window.removeEventListener('online', t.online);
    await flush(t);
}
