// The cases on the map and how live events change them. The server decides stage, open, overdue and the clock colour;
// this module only draws what it is told, and hands events to the feed's subscriber in sequence order.
import { fetchJson, gridRef } from './basemap.js';
import { filterQuery, filteredCase, isFiltered } from './filters.js';

function featureOf(state, m, existing) {
    return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [m.lon, m.lat] },
        properties: {
            ...(existing?.properties ?? {}),
            id: m.caseId, number: m.number, status: m.status, stage: m.stage, category: m.category,
            categoryName: state.categoryNames?.[m.category] ?? existing?.properties.categoryName ?? m.category,
            source: m.source ?? existing?.properties.source, department: m.department, gridCode: m.gridCode, dutyGrid: m.dutyGrid,
            reportedAt: m.reportedAt ? Date.parse(m.reportedAt) : existing?.properties.reportedAt ?? Date.parse(m.at),
            deadline: m.deadline ? Date.parse(m.deadline) : null, level: m.level ?? 'green', overdue: !!m.overdue,
            supervision: m.supervision ?? 0, street: m.street, streetId: m.streetId ?? existing?.properties.streetId,
        },
    };
}

/** Past this many cases changed since the case tiles were drawn, the tiles are drawn again and the overlay emptied. */
const OVERLAY_LIMIT = 300;

export function refreshCases(state) {
    const features = [...state.cases.values()];
    state.map.getSource('cases')?.setData({ type: 'FeatureCollection', features });
    if (state.tiles && !state.replaying) {
        // The overlay draws every case changed since the tiles were drawn; the tiles leave those out.
        if (state.changed.size > OVERLAY_LIMIT) { reloadCaseTiles(state); return; }
        // Hidden by feature state, not by a filter: a new filter makes MapLibre parse every case tile again.
        state.hiddenInTiles ??= new Set();
        for (const id of state.changed) {
            if (state.hiddenInTiles.has(id)) continue;
            state.hiddenInTiles.add(id);
            state.map.setFeatureState({ source: 'case-tiles', sourceLayer: 'cases', id }, { changed: true });
        }
        scheduleCounts(state);
        return;
    }
    // Grid counts feed the choropleth and the counts shown beside the map.
    const open = new Map();
    const overdue = new Map();
    for (const f of features) {
        const g = f.properties.gridCode;
        open.set(g, (open.get(g) ?? 0) + 1);
        if (f.properties.overdue) overdue.set(g, (overdue.get(g) ?? 0) + 1);
    }
    const codes = state.tiles ? new Set([...open.keys(), ...(state.countedGrids ?? [])]) : state.gridCodes;
    for (const code of codes) {
        state.map.setFeatureState(gridRef(state, code), { open: open.get(code) ?? 0, overdue: overdue.get(code) ?? 0 });
    }
    if (state.tiles) state.countedGrids = [...open.keys()];
    if (!state.tiles) {
        // Streets are coloured by their open cases (the street layer's line colour steps on it).
        // (Not in tile mode: tiled streets have no promoted id to hold the state.)
        const streetOpen = new Map();
        for (const f of features) if (f.properties.streetId) streetOpen.set(f.properties.streetId, (streetOpen.get(f.properties.streetId) ?? 0) + 1);
        for (const id of new Set([...(state.streetOpen?.keys() ?? []), ...streetOpen.keys()])) {
            state.map.setFeatureState({ source: 'streets', id }, { open: streetOpen.get(id) ?? 0 });
        }
        state.streetOpen = streetOpen;
    }
    state.gridOpen = open;
    state.gridOverdue = overdue;
    const overdueTotal = [...overdue.values()].reduce((a, b) => a + b, 0);
    state.element.dataset.caseCount = String(features.length);
    state.element.dataset.streetsWithCases = String(state.streetOpen?.size ?? 0);
    state.element.dataset.overdueCount = String(overdueTotal);
    state.dotnet?.invokeMethodAsync('OnCountsChanged', features.length, overdueTotal);
}

function flash(state, lon, lat) {
    const now = Date.now();
    state.flashes = (state.flashes ?? []).filter(f => f.until > now);
    state.flashes.push({ until: now + 3000, coordinates: [lon, lat] });
    const draw = () => {
        const t = Date.now();
        state.flashes = state.flashes.filter(f => f.until > t);
        state.map.getSource('cases-flash')?.setData({ type: 'FeatureCollection',
            features: state.flashes.map(f => ({ type: 'Feature', geometry: { type: 'Point', coordinates: f.coordinates }, properties: { left: (f.until - t) / 3000 } })) });
        if (state.flashes.length > 0) state.flashTimer = requestAnimationFrame(draw);
    };
    cancelAnimationFrame(state.flashTimer);
    draw();
}

/** Lays one event over what the map holds; returns what happened to the case there. */
function upsert(state, m) {
    state.changed?.add(m.caseId);
    const existing = state.cases.get(m.caseId);
    if (!m.open) { state.cases.delete(m.caseId); return 'removed'; }
    state.cases.set(m.caseId, featureOf(state, m, existing));
    return existing ? 'updated' : 'added';
}

// Live events come in bursts (at city scale the clock watcher sends many a minute): what they changed is drawn once a frame.
function scheduleRefresh(state) {
    if (state.refreshQueued) return;
    state.refreshQueued = true;
    requestAnimationFrame(() => {
        state.refreshQueued = false;
        if (!state.disposed) refreshCases(state);
    });
}

function settle(state, m, outcome) {
    if (m.action === 'report' && outcome === 'added') flash(state, m.lon, m.lat);
    scheduleRefresh(state);
    state.element.dataset.lastSeq = String(m.seq);
    state.element.dataset.lastOutcome = outcome;
}

/** A live event: drawn at once, or — while a filter is set — after the server says whether it passes. */
export function applyCaseEvent(state, m) {
    // While a snapshot is being fetched, remember events so they can be laid over it when it arrives.
    if (state.loading) state.pendingEvents.push(m);
    if (!isFiltered(state.filter) || !m.open) {
        settle(state, m, upsert(state, m));
        return;
    }
    const asked = (state.asked ??= new Map());
    asked.set(m.caseId, m.seq);
    filteredCase(state.filter, m.caseId).then((feature) => {
        if (state.disposed || asked.get(m.caseId) !== m.seq) return; // a newer event for the case is on its way
        asked.delete(m.caseId);
        state.changed?.add(m.caseId);
        const existing = state.cases.has(m.caseId);
        if (feature) state.cases.set(m.caseId, feature); else state.cases.delete(m.caseId);
        settle(state, m, feature ? (existing ? 'updated' : 'added') : 'filtered');
    }).catch(() => {});
}

/** The case tiles' query: the filter and a new version (tiles of earlier versions may be in the browser's cache). */
export function nextCaseTilesQuery(state) {
    state.tileVersion = (state.tileVersion ?? 0) + 1;
    return [filterQuery(state.filter), `v=${Date.now()}-${state.tileVersion}`].filter(q => q).join('&');
}

/** The case tiles drawn afresh (a new version in their URL, with the filter): the overlay starts empty again. */
function reloadCaseTiles(state) {
    // The first load draws the tiles the source was created with: asking for others would fetch them a frame later.
    if (state.caseTilesFresh) state.caseTilesFresh = false;
    else state.map.getSource('case-tiles')?.setTiles([`${location.origin}/tiles/cases/{z}/{x}/{y}.mvt?${nextCaseTilesQuery(state)}`]);
    state.cases = new Map();
    state.changed = new Set();
    state.map.getSource('cases')?.setData({ type: 'FeatureCollection', features: [] });
    state.map.removeFeatureState({ source: 'case-tiles', sourceLayer: 'cases' });
    state.hiddenInTiles = new Set();
    return refreshCounts(state);
}

function scheduleCounts(state) {
    clearTimeout(state.countsTimer);
    state.countsTimer = setTimeout(() => refreshCounts(state).catch(() => {}), 250);
}

/** Per-grid open and overdue counts from the server (a map drawn from tiles does not hold every case). */
async function refreshCounts(state) {
    const counts = await fetchJson(`/api/map/grid-counts?${filterQuery(state.filter)}`);
    if (state.disposed) return;
    const open = new Map();
    const overdue = new Map();
    for (const [code, [o, d]] of Object.entries(counts.grids)) {
        open.set(code, o);
        if (d > 0) overdue.set(code, d);
    }
    // Only grids whose counts changed: each feature state set makes MapLibre rewrite that grid's colours in every tile.
    for (const code of state.countedGrids ?? []) {
        if (!open.has(code)) state.map.setFeatureState(gridRef(state, code), { open: 0, overdue: 0 });
    }
    for (const [code, o] of open) {
        const d = overdue.get(code) ?? 0;
        if (state.gridOpen?.get(code) !== o || (state.gridOverdue?.get(code) ?? 0) !== d) state.map.setFeatureState(gridRef(state, code), { open: o, overdue: d });
    }
    state.countedGrids = [...open.keys()];
    state.gridOpen = open;
    state.gridOverdue = overdue;
    // The city view's 社区 are coloured by the sums of their grids (the server adds them up).
    // Per 社区 code [open, overdue].
    const communityCounts = new Map(Object.entries(counts.communities ?? {}));
    for (const code of new Set([...(state.communityCounts?.keys() ?? []), ...communityCounts.keys()])) {
        const [o, d] = communityCounts.get(code) ?? [0, 0];
        const [wasOpen, wasOverdue] = state.communityCounts?.get(code) ?? [];
        if (wasOpen !== o || wasOverdue !== d) state.map.setFeatureState({ source: 'communities', id: code }, { open: o, overdue: d });
    }
    state.communityCounts = communityCounts;
    state.element.dataset.caseCount = String(counts.open);
    state.element.dataset.overdueCount = String(counts.overdue);
    state.dotnet?.invokeMethodAsync('OnCountsChanged', counts.open, counts.overdue);
}

export async function loadCases(state) {
    if (state.tiles) {
        await reloadCaseTiles(state);
        return;
    }
    state.loading = true;
    state.pendingEvents = [];
    try {
        const fc = await fetchJson(`/api/map/cases?${filterQuery(state.filter)}`);
        if (state.disposed) return;
        state.cases = new Map(fc.features.map(f => [f.properties.id, f]));
        // Events that arrived during the fetch may be newer than the snapshot: lay them over it again, in order.
        for (const m of state.pendingEvents) if (!isFiltered(state.filter) || !m.open) upsert(state, m);
        refreshCases(state);
    } finally {
        state.loading = false;
        state.pendingEvents = [];
    }
}

export function setStatus(state, status) {
    const l = state.options.labels ?? {};
    state.status.dataset.status = status;
    state.status.className = `cc-live cc-live-${status}`;
    state.status.textContent = `● ${l['live_' + status] ?? status}`;
    performance.mark(`cc:status-${status}`);
    state.element.dataset.liveStatus = status;
}
