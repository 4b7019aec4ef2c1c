// The map module Blazor calls by JS interop: it creates a city map in an element and turns it into the live
// operations map or the wall. The work is done by small modules: map/basemap (offline basemap and grids),
// map/layers (operational layers, legend, choropleth), map/live (cases and live events), map/filters,
// map/wallfocus and map/replay. Each map keeps its own state; a handle for tests and the console hangs on its element.
import * as maplibregl from '../lib/maplibre-gl/maplibre-gl.mjs';
import { openEarlyFeed } from './opsfeed.js';
import { CITY_VIEW_MAXZOOM, addGridLayers, baseStyle, bounds, communityTooltip, fetchJson, gridRef, gridTooltip, gridsShown, palettes } from './map/basemap.js';
import { CLICK_LAYERS, addOpsLayers, kioskRadii, setChoropleth, setLayerVisible as showGroup, updateLegendForZoom } from './map/layers.js';
import { applyCaseEvent, loadCases, setStatus } from './map/live.js';
import { fitToWall, startFocusCycle as cycle } from './map/wallfocus.js';
import { startReplay as replay } from './map/replay.js';
import { addPatrolLayers, applyPatrol, patrolsOf } from './map/patrols.js';
import { refreshCoverage, showCoverage } from './map/coverage.js';
import { showHotspots as hotspots } from './map/hotspots.js';

const maps = new Map();
let nextId = 1;

// One tile worker per core (MapLibre's default is half of them): a city view's grid tiles are parsed side by side.
maplibregl.setWorkerCount(Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)));

// Milestones of a map's first render in the browser's performance timeline (DevTools, CommandCenter.Bench render).
const mark = (name) => performance.mark(`cc:${name}`);

/**
 * Creates a city map in `element`. `options.labels` carries the UI's localised field names;
 * `dotnet` (optional) receives OnGridSelected(properties) on click.
 */
export async function createCityMap(element, options, dotnet) {
    const dark = options?.theme === 'dark';
    const p = dark ? palettes.dark : palettes.light;
    const labels = options?.labels ?? {};
    mark('map-module');
    const state = { map: null, dotnet, element, options: options ?? {} };
    // Where the city is comes first, so the map opens on it: opening elsewhere and fitting later fetched and drew the
    // basemap and tiles of the first view for nothing.
    const cityInfo = fetchJson('/api/map/city');
    // A live page opens its feed first (or takes the one the page opened at start) and shows its state at once,
    // before MapLibre sets up its WebGL context.
    if (options?.live) {
        createStatus(state);
        state.feedReady = openFeed(state);
        // MapLibre's constructor holds the thread for its WebGL set-up (~0.7 s under SwiftShader): let the early feed's
        // state reach the status and be painted first (a frame, or 50 ms where frames are paused, as in a hidden tab).
        await new Promise((resolve) => { requestAnimationFrame(() => setTimeout(resolve, 0)); setTimeout(resolve, 50); });
    }
    const info = await cityInfo;
    const map = new maplibregl.Map({
        container: element,
        style: baseStyle(p),
        ...(info.grids > 0
            ? { bounds: [[info.bbox[0], info.bbox[1]], [info.bbox[2], info.bbox[3]]], fitBoundsOptions: { padding: 24 } }
            : { center: [118.78, 32.044], zoom: 14 }),
        attributionControl: { compact: false },
        // Labels appear at once instead of fading in: each faded frame is a full redraw, up to a second in software
        // rendering (wall PCs without a GPU, headless test browsers).
        fadeDuration: 0,
        localIdeographFontFamily: "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    });
    // When each source first has all its tiles of the view (the render diagnostics read these marks).
    const sourcesLoaded = new Set();
    map.on('sourcedata', (e) => {
        if (!e.isSourceLoaded || sourcesLoaded.has(e.sourceId)) return;
        sourcesLoaded.add(e.sourceId);
        mark(`source-${e.sourceId}`);
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
    const id = nextId++;
    state.map = map;
    maps.set(id, state);

    const tip = document.createElement('div');
    tip.className = 'cc-map-tip';
    tip.hidden = true;
    element.appendChild(tip);

    let markReady;
    state.ready = new Promise(resolve => { markReady = resolve; });
    // How big the city is decides how it is drawn: a large city comes as vector tiles, a small one as GeoJSON. The
    // layers are fetched while MapLibre loads the basemap, not after.
    const loaded = new Promise(resolve => map.once('load', () => { mark('style-loaded'); resolve(); }));
    state.tiles = info.tiles || new URLSearchParams(location.search).get('tiles') === '1';
    state.cityBox = info.bbox;
    state.gridCount = info.grids;
    element.dataset.tiles = String(state.tiles);
    const [grids, communities, subdistricts] = await Promise.all(
        [state.tiles ? null : '/api/grids', '/api/layers/communities', '/api/layers/subdistricts'].map(u => u ? fetchJson(u) : null));
    await loaded;
    if (state.disposed) return id;
    state.communityColour = addGridLayers(map, state.tiles ? null : grids, communities, subdistricts, p, dark, options?.choropleth);
    mark('grids-added');
    state.grids = grids;
    state.subdistricts = subdistricts;
    markReady();

    // A hovered area (a grid, or a 社区 at a tiled city's city view) is lit by feature state and explained by the tooltip.
    const hoverable = (layer, ref, cursor, html) => {
        let hovered = null;
        const unhover = () => {
            if (hovered !== null) map.setFeatureState(ref(hovered), { hover: false });
            hovered = null;
        };
        map.on('mousemove', layer, (e) => {
            const f = e.features?.[0];
            if (!f) return;
            if (hovered !== f.id) unhover();
            hovered = f.id;
            map.setFeatureState(ref(f.id), { hover: true });
            map.getCanvas().style.cursor = cursor;
            tip.innerHTML = html(f);
            tip.style.left = `${e.point.x + 14}px`;
            tip.style.top = `${e.point.y + 14}px`;
            tip.hidden = false;
        });
        map.on('mouseleave', layer, () => {
            unhover();
            map.getCanvas().style.cursor = '';
            tip.hidden = true;
        });
    };
    // Operational layers above the areas (cases, kiosks, zones, streets) take the click first.
    const takenAbove = (e) => state.ops && map.queryRenderedFeatures(e.point, { layers: CLICK_LAYERS.filter(l => map.getLayer(l)) }).length > 0;

    hoverable('grid-fill', (code) => gridRef(state, code), 'pointer', (f) => gridTooltip(f.properties, labels));
    map.on('click', 'grid-fill', (e) => {
        const f = e.features?.[0];
        if (!f || takenAbove(e)) return;
        map.setFilter('grid-selected', ['==', ['get', 'code'], f.properties.code]);
        state.dotnet?.invokeMethodAsync('OnGridSelected', f.properties.code);
    });

    // A tiled city's city view: its 社区 answer hover (name, 街道, cases) and a click zooms in to their grids.
    if (state.tiles) {
        const subdistrictNames = new Map(subdistricts.features.map(f => [f.properties.code, f.properties.name]));
        hoverable('community-fill', (code) => ({ source: 'communities', id: code }), 'zoom-in', (f) => communityTooltip(f.properties,
            subdistrictNames.get(f.properties.subdistrictCode), ...(state.communityCounts?.get(f.id) ?? [0, 0]), labels));
        map.on('click', 'community-fill', (e) => {
            const f = e.features?.[0];
            if (!f || takenAbove(e)) return;
            const community = communities.features.find(c => c.properties.code === f.id);
            if (!community) return;
            const camera = map.cameraForBounds(bounds({ features: [community] }), { padding: 60, maxZoom: 16 });
            if (camera) map.easeTo({ ...camera, zoom: Math.max(camera.zoom, CITY_VIEW_MAXZOOM + 0.2) });
        });
        map.on('zoomend', () => updateLegendForZoom(state));
    }

    // Location picking (intake desk, phone report): a click anywhere drops the pin and tells .NET.
    if (options?.pickLocation) {
        map.on('click', (e) => {
            state.pin ??= new maplibregl.Marker({ color: '#d81b60' });
            state.pin.setLngLat(e.lngLat).addTo(map);
            state.dotnet?.invokeMethodAsync('OnMapClicked', e.lngLat.lng, e.lngLat.lat);
        });
    }
    if (options?.wall) {
        fitToWall(state);
    }

    // Tests and the wall display read how many grids (or, at a tiled city's city view, 社区) are drawn once the map settles.
    map.on('idle', () => {
        mark('idle');
        const grids = gridsShown(state);
        element.dataset.renderedGrids = String(grids ? map.queryRenderedFeatures({ layers: ['grid-fill'] }).length : 0);
        element.dataset.renderedCommunities = String(grids ? 0 : map.queryRenderedFeatures({ layers: ['community-fill'] }).length);
        element.dataset.renderedAreas = String(Number(element.dataset.renderedGrids) + Number(element.dataset.renderedCommunities));
        element.dataset.gridCount = String(state.gridCount);
        mark('idle-counted');
    });
    return id;
}

/** Starts MapLibre's tile worker before the first map needs it (earlyfeed.js, on the live pages). */
export function prewarm() {
    maplibregl.prewarm();
}

/** Highlights a grid and flies to it (search, selection from a list). */
export async function selectGrid(id, code) {
    const state = maps.get(id);
    if (!state) return;
    state.map.setFilter('grid-selected', ['==', ['get', 'code'], code ?? '']);
    if (!state.tiles) {
        const feature = state.grids?.features.find(f => f.properties.code === code);
        if (feature) state.map.fitBounds(bounds({ features: [feature] }), { padding: 120, maxZoom: 17 });
        return;
    }
    // Drawn from tiles: the grid's shape is known only where tiles are loaded; else the server's search has its box.
    const loaded = state.map.querySourceFeatures('grids', { sourceLayer: 'grids', filter: ['==', ['get', 'code'], code ?? ''] });
    if (loaded.length > 0) {
        state.map.fitBounds(bounds({ features: loaded }), { padding: 120, maxZoom: 17 });
        return;
    }
    const response = await fetch(`/api/map/search?q=${encodeURIComponent(code ?? '')}`);
    if (response.ok) {
        const hit = await response.json();
        state.map.fitBounds([[hit.bbox[0], hit.bbox[1]], [hit.bbox[2], hit.bbox[3]]], { padding: 120, maxZoom: 17 });
    }
}

/** Puts the location pin at a point (e.g. the phone's GPS position) and centres on it. */
export function setPin(id, lon, lat) {
    const state = maps.get(id);
    if (!state) return;
    state.pin ??= new maplibregl.Marker({ color: '#d81b60' });
    state.pin.setLngLat([lon, lat]).addTo(state.map);
    state.map.easeTo({ center: [lon, lat], zoom: Math.max(state.map.getZoom(), 16) });
}

/** The browser's position, or null when the user refuses or there is none. */
export function currentPosition() {
    return new Promise((resolve) => {
        if (!navigator.geolocation) { resolve(null); return; }
        navigator.geolocation.getCurrentPosition(
            (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude }),
            () => resolve(null), { enableHighAccuracy: true, timeout: 8000 });
    });
}

/** Draws the tracks of a GeoJSON address (past patrols) in their own layer and fits the map to them. */
export async function showTracks(id, url) {
    const state = maps.get(id);
    if (!state) return;
    await state.ready;
    const fc = await fetchJson(url);
    if (state.disposed) return;
    if (!state.map.getSource('tracks')) {
        state.map.addSource('tracks', { type: 'geojson', data: fc });
        state.map.addLayer({ id: 'tracks-line', type: 'line', source: 'tracks', layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: { 'line-color': '#00838f', 'line-width': 4, 'line-opacity': 0.85 } });
    } else {
        state.map.getSource('tracks').setData(fc);
    }
    state.element.dataset.trackCount = String(fc.features?.length ?? 0);
    const withLines = { features: (fc.features ?? []).filter(f => f.geometry && f.geometry.coordinates?.length) };
    if (withLines.features.length > 0) state.map.fitBounds(bounds(withLines), { padding: 40, maxZoom: 17, duration: 0 });
}

export function disposeCityMap(id) {
    const state = maps.get(id);
    if (!state) return;
    state.disposed = true;
    clearInterval(state.cycleTimer);
    clearTimeout(state.replayTimer);
    clearTimeout(state.countsTimer);
    state.feed?.stop();
    state.feedReady?.then(feed => feed?.stop());
    delete state.element.ccMap;
    state.map.remove();
    maps.delete(id);
}

/** What a map holds, for its element's `ccMap` handle (tests and the console): cases, visibility, centre. */
function handle(state) {
    return {
        caseByNumber: (n) => [...state.cases.values()].find(f => f.properties.number === n)?.properties ?? null,
        cases: () => [...state.cases.values()].map(f => f.properties),
        visible: (layer) => state.map.getLayoutProperty(layer, 'visibility') !== 'none',
        center: () => state.map.getCenter().toArray(),
        // Where a place is drawn, in pixels from the map's top left (tests click and hover there).
        project: (lon, lat) => { const p = state.map.project([lon, lat]); return [p.x, p.y]; },
        flyTo: (lon, lat, zoom) => { state.map.jumpTo({ center: [lon, lat], zoom }); },
        patrols: () => patrolsOf(state),
        zones: async () => (await state.map.getSource('zones')?.getData())?.features.map(f => f.properties) ?? [],
        jumpTo: (lon, lat, zoom) => { state.map.jumpTo({ center: [lon, lat], zoom }); },
    };
}

/**
 * Turns a city map into the live operations map: operational layers, cases from /api/map/cases, grid choropleth,
 * legend, connection indicator and live updates from /hubs/ops with catch-up. Clocks change colour through the
 * events the server's clock watcher sends (催办 at the warning points, 督办 when overdue): nothing reloads on a timer.
 */
export async function enableOperations(id, options) {
    const state = maps.get(id);
    if (!state) return;
    await state.ready;
    if (state.disposed) return;
    mark('operations');
    state.ops = true;
    state.dark = state.options.theme === 'dark';
    state.options = { ...state.options, ...options };
    state.filter = options?.filter ?? {};
    state.cases = new Map();
    state.changed = new Set();
    state.gridCodes = state.tiles ? [] : state.grids.features.map(f => f.properties.code);
    const english = String(state.options.labels?.locale ?? '').startsWith('en');
    // From tiles, duty grids and streets come tile by tile as they are shown; zones (open now) and kiosks stay GeoJSON.
    const [dutyGrids, streets, zones, kiosks, categories] = await Promise.all(
        [state.tiles ? null : '/api/layers/duty-grids', state.tiles ? null : '/api/layers/streets', '/api/map/zones', '/api/layers/kiosks', '/api/categories']
            .map(u => u ? fetchJson(u) : null));
    if (state.disposed) return;
    state.categoryNames = Object.fromEntries(categories.map(c => [c.code, english ? c.nameEn : c.name]));
    addOpsLayers(state, [dutyGrids, streets, zones, kiosks]);
    mark('operations-layers');

    state.legend = document.createElement('div');
    state.legend.className = 'cc-legend';
    state.legend.dataset.testid = 'map-legend';
    state.element.appendChild(state.legend);
    if (!state.status) {
        createStatus(state);
        setStatus(state, 'connecting');
    }
    setChoropleth(state, options?.choropleth ?? 'none');
    for (const [group, visible] of Object.entries(options?.layers ?? {})) showGroup(state, group, visible);
    state.rescale?.();

    const { map } = state;
    const click = (kind) => (e) => {
        const f = e.features?.[0];
        if (!f) return;
        if (kind === 'cluster') {
            map.getSource('cases').getClusterExpansionZoom(f.properties.cluster_id).then(z => map.easeTo({ center: f.geometry.coordinates, zoom: z }));
            return;
        }
        // A tile's case that changed since is hidden there (the overlay draws it now).
        if (kind === 'case' && f.layer?.id === 'cases-tile-point' && state.changed?.has(f.properties.id)) return;
        const key = kind === 'case' ? f.properties.id : f.properties.id ?? f.properties.code;
        state.dotnet?.invokeMethodAsync('OnFeatureClicked', kind, String(key));
    };
    map.on('click', 'cases-point', click('case'));
    map.on('click', 'cases-tile-point', click('case'));
    map.on('click', 'cases-cluster', click('cluster'));
    map.on('click', 'kiosks-point', click('kiosk'));
    map.on('click', 'zones-fill', click('zone'));
    map.on('click', 'banned-fill', click('zone'));
    map.on('click', 'streets-line', click('street'));
    for (const layer of ['cases-point', 'cases-tile-point', 'cases-cluster', 'kiosks-point', 'zones-fill', 'streets-line']) {
        map.on('mouseenter', layer, () => { map.getCanvas().style.cursor = 'pointer'; });
        map.on('mouseleave', layer, () => { map.getCanvas().style.cursor = ''; });
    }

    // The feed was opened first (its sequence number taken before the snapshot); it held the events that came meanwhile,
    // and they are laid over the snapshot once it is drawn.
    state.feedReady ??= openFeed(state);
    await Promise.all([loadCases(state), addPatrolLayers(state)]);
    mark('cases-loaded');
    if (state.disposed) return;
    state.element.ccMap = handle(state);
    const feed = await state.feedReady;
    if (!feed || state.disposed) return;
    feed.attach({ onEvent: (m) => applyCaseEvent(state, m), onChange: (c) => refreshCityLayers(state, c), onPatrol: (name, m) => applyPatrol(state, name, m) });
}

function createStatus(state) {
    state.status = document.createElement('div');
    state.status.dataset.testid = 'live-status';
    state.element.appendChild(state.status);
    setStatus(state, 'connecting');
}

/** The page's early feed when it opened one (earlyfeed.js), else a new one; its state shows on the map from now on. */
async function openFeed(state) {
    let feed = null;
    if (window.ccEarlyFeed) {
        const early = window.ccEarlyFeed;
        window.ccEarlyFeed = null; // one map takes it
        feed = await early;
    }
    feed ??= await openEarlyFeed().catch(() => null);
    if (!feed) return null;
    if (state.disposed) { feed.stop(); return null; }
    state.feed = feed;
    if (!state.status) createStatus(state);
    feed.watchStatus((s) => { if (!state.replaying) setStatus(state, s); });
    return feed;
}

/** A zone or kiosk was edited somewhere: draw the layer again from the server. */
async function refreshCityLayers(state, change) {
    if (change.topic === 'kiosk') refreshCoverage(state);
    if (change.topic === 'zone') {
        state.map.getSource('zones')?.setData(await fetchJson('/api/map/zones'));
    } else if (change.topic === 'kiosk') {
        const kiosks = await fetchJson('/api/layers/kiosks');
        state.map.getSource('kiosks')?.setData(kiosks);
        state.map.getSource('kiosk-radius')?.setData(kioskRadii(kiosks));
    }
}

export function setLayerVisible(id, group, visible) {
    const state = maps.get(id);
    if (state && group === 'coverage') showCoverage(state, visible);
    else if (state) showGroup(state, group, visible);
}

/** The MapLibre map drawn in an element, for modules that add to it (map/draw.js). */
export function mapIn(element) {
    for (const state of maps.values()) if (state.element === element) return state.map;
    return null;
}

export function setChoroplethMode(id, mode) {
    const state = maps.get(id);
    if (state?.ops) setChoropleth(state, mode);
}

/** `filter`: the query values of the server's CaseFilter (only those set), as the page sends them. */
export async function setCaseFilter(id, filter) {
    const state = maps.get(id);
    if (!state?.ops) return;
    state.filter = filter ?? {};
    await loadCases(state);
}

export function flyToBox(id, bbox) {
    const state = maps.get(id);
    state?.map.fitBounds([[bbox[0], bbox[1]], [bbox[2], bbox[3]]], { padding: 80, maxZoom: 17.5, duration: 1200 });
}

export function startFocusCycle(id, seconds) {
    const state = maps.get(id);
    if (state) cycle(state, seconds);
}

export async function startReplay(id, date, speed) {
    const state = maps.get(id);
    return state?.ops ? replay(state, date, speed) : 0;
}

/** 研判: paints grid heat ({ gridCode: count }) and draws repeat problems ([{ lon, lat, count, reports, categoryName }]). */
export async function showHotspots(id, heat, repeats) {
    const state = maps.get(id);
    if (!state) return;
    await state.ready;
    hotspots(state, heat ?? {}, repeats ?? []);
}
