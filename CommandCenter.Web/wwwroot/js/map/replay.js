// Morning review: a day's events replayed onto an empty map at `speed` × real time.
import { fetchJson } from './basemap.js';
import { applyCaseEvent, refreshCases, setStatus } from './live.js';

export async function startReplay(state, date, speed) {
    state.replaying = true;
    await state.feed?.stop();
    const events = await fetchJson(`/api/events/day?date=${encodeURIComponent(date)}`);
    state.cases = new Map();
    state.filter = {};
    // From tiles, the live cases are hidden: the replay draws the day's cases alone.
    if (state.map.getLayer('cases-tile-point')) state.map.setLayoutProperty('cases-tile-point', 'visibility', 'none');
    refreshCases(state);
    setStatus(state, 'replay');
    state.element.dataset.replayTotal = String(events.length);
    state.element.dataset.replayDone = '0';
    if (events.length === 0) return 0;
    const t0 = Date.parse(events[0].at);
    const started = performance.now();
    let i = 0;
    const tick = () => {
        const simulated = t0 + (performance.now() - started) * speed;
        while (i < events.length && Date.parse(events[i].at) <= simulated) applyCaseEvent(state, events[i++]);
        state.element.dataset.replayDone = String(i);
        state.element.dataset.replayClock = new Date(simulated).toISOString();
        state.dotnet?.invokeMethodAsync('OnReplayProgress', i, events.length, new Date(simulated).toISOString());
        if (i < events.length) state.replayTimer = setTimeout(tick, 100);
    };
    tick();
    return events.length;
}
