// Drives a whole ride through the Rides edge with the official SignalR JavaScript client:
// a driver goes online, a rider requests a ride over REST and joins its room, the driver accepts,
// both chat, the driver drives to the pickup, arrives, starts, drives the trip and completes, and the
// rider rates and pays. The driver moves at a believable city speed (about 12 m/s, one location a
// second, as the platform allows), so the trip meter counts the whole trip and the fare follows it.
// Usage: node full-flow.js <base-url> <pickup-latitude> <pickup-longitude> [trip-meters]
// The default trip of 300 m takes about 25 s and costs the minimum fare; a trip of 2000 m or more (about
// 3 minutes) shows the fare growing with distance and time.
// Prints each step, then "FLOW OK ..." and exits 0 on success; prints the failure and exits 1 otherwise.
"use strict";

const signalR = require("@microsoft/signalr");

const [baseArg, latArg, lonArg, tripArg] = process.argv.slice(2);
const base = (baseArg || "http://localhost:5000").replace(/\/?$/, "/");
const pickup = { latitude: Number(latArg || 37.7749), longitude: Number(lonArg || -122.4194), address: "123 Main St" };
const TRIP_METERS = Math.max(50, Math.round(Number(tripArg || 300))); // the destination, due north of the pickup
const SPEED_MPS = 12.5; // 45 km/h
const METERS_PER_DEGREE = 111320;
const destination = { latitude: pickup.latitude + TRIP_METERS / METERS_PER_DEGREE, longitude: pickup.longitude, address: "456 Oak Ave" };
const suffix = Math.random().toString(16).slice(2, 10);
const TIMEOUT_MS = 10000;

const started = Date.now();
function step(text) {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ${text}`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
  throw new Error(message);
}

function expectSuccess(envelope, what) {
  if (!envelope || envelope.status !== "success") {
    fail(`${what} failed: ${JSON.stringify(envelope)}`);
  }
  return envelope;
}

async function rest(method, path, token, body) {
  const headers = { "content-type": "application/json" };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const response = await fetch(base + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json();
  return { status: response.status, json };
}

async function issueToken(userId, userType, name) {
  const { status, json } = await rest("POST", "api/v1/auth/token", null, { user_id: userId, user_type: userType, name });
  if (status !== 200) {
    fail(`token for ${userId}: HTTP ${status} ${JSON.stringify(json)}`);
  }
  return json.access_token;
}

// Records every server-to-client event so a wait never misses one that arrived earlier.
function recorder(connection, methods) {
  const seen = [];
  const waiters = [];
  for (const method of methods) {
    connection.on(method, (payload) => {
      seen.push({ method, payload });
      for (const waiter of [...waiters]) {
        if (waiter.method === method && waiter.match(payload)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          clearTimeout(waiter.timer);
          waiter.resolve(payload);
        }
      }
    });
  }
  return {
    seen,
    waitFor(method, match = () => true) {
      const earlier = seen.find((e) => e.method === method && match(e.payload));
      if (earlier) {
        return Promise.resolve(earlier.payload);
      }
      return new Promise((resolve, reject) => {
        const waiter = { method, match, resolve };
        waiter.timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no ${method} within ${TIMEOUT_MS} ms; saw ${JSON.stringify(seen.map((e) => e.method))}`));
        }, TIMEOUT_MS);
        waiters.push(waiter);
      });
    },
  };
}

function connect(token) {
  return new signalR.HubConnectionBuilder()
    .withUrl(base + "hubs/rides", { accessTokenFactory: () => token, transport: signalR.HttpTransportType.WebSockets })
    .configureLogging(signalR.LogLevel.Warning)
    .build();
}

const events = ["server_message", "ride_status_update", "driver_location_update", "chat_message", "new_ride_request", "ride_request_withdrawn", "trip_pin"];

function near(metersNorth) {
  return { latitude: pickup.latitude + metersNorth / METERS_PER_DEGREE, longitude: pickup.longitude, heading: 0, speed: SPEED_MPS };
}

// The platform allows one location update per second per driver (seed 000); a real app paces
// its updates, so this one waits out the rate limit the server names instead of failing.
async function updateLocation(driver, point, what) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await driver.invoke("update_location", point);
    if (answer.status === "error" && answer.code === "RATE_LIMITED") {
      const ms = Number(/retry_after_ms: *(\d+)/.exec(answer.detail || "")?.[1] ?? 1000);
      await sleep(ms + 10);
      continue;
    }
    return expectSuccess(answer, what);
  }
  fail(`${what}: still rate limited after 3 attempts`);
}

// Drives from `fromMeters` to `toMeters` north of the pickup at SPEED_MPS, one location a second.
async function drive(driver, fromMeters, toMeters, what) {
  const direction = Math.sign(toMeters - fromMeters);
  let at = fromMeters;
  while (at !== toMeters) {
    await sleep(1000);
    at = direction > 0 ? Math.min(at + SPEED_MPS, toMeters) : Math.max(at - SPEED_MPS, toMeters);
    await updateLocation(driver, near(at), what);
  }
  step(`driver: ${what}, ${Math.abs(toMeters - fromMeters)} m at ${SPEED_MPS} m/s, now ${at} m north of the pickup`);
}

async function main() {
  const riderToken = await issueToken(`js_rider_${suffix}`, "rider", "Jess Rider");
  const driverToken = await issueToken(`js_driver_${suffix}`, "driver", "John Doe");
  step("tokens issued for the rider and the driver (POST /api/v1/auth/token)");

  const driver = connect(driverToken);
  const driverEvents = recorder(driver, events);
  await driver.start();
  const rider = connect(riderToken);
  const riderEvents = recorder(rider, events);
  await rider.start();
  await riderEvents.waitFor("server_message");
  step("both connected to the hub");

  // Driver: go online and share a location near the pickup.
  expectSuccess(await driver.invoke("authenticate", { token: driverToken }), "authenticate");
  expectSuccess(await driver.invoke("go_online", {}), "go_online");
  await updateLocation(driver, near(120), "update_location");
  step("driver: online, 120 m north of the pickup");

  // Rider: create the ride over REST, join its room, load the chat.
  const created = await rest("POST", "api/v1/riders/rides", riderToken, { pickup, destination, vehicle_type: "standard", notes: "JS client" });
  if (created.status !== 201) {
    fail(`create ride: HTTP ${created.status} ${JSON.stringify(created.json)}`);
  }
  const rideId = created.json.ride_id;
  step(`rider: requested ${rideId} for ${TRIP_METERS} m, estimated fare ${created.json.estimated_fare} ${created.json.currency}`);
  const joined = expectSuccess(await rider.invoke("join_ride_room", { ride_id: rideId }), "join_ride_room");
  if (joined.ride_data.status !== "findingDriver") fail(`joined in status ${joined.ride_data.status}`);
  expectSuccess(await rider.invoke("get_ride_chats", { ride_id: rideId }), "get_ride_chats");
  step("rider: joined the ride's room");

  // Driver: receive the request and accept it.
  const offer = await driverEvents.waitFor("new_ride_request", (p) => p.ride_id === rideId);
  if (!(offer.fare_estimate > 0)) fail(`offer without fare: ${JSON.stringify(offer)}`);
  const accepted = expectSuccess(await driver.invoke("accept_ride", { ride_id: rideId }), "accept_ride");
  if (accepted.driver_info.name !== "John Doe") fail(`driver_info: ${JSON.stringify(accepted.driver_info)}`);
  await riderEvents.waitFor("ride_status_update", (p) => p.status === "arrivingToPickup");
  step("driver: accepted the offer; rider: arrivingToPickup");

  // Chat both ways.
  expectSuccess(await driver.invoke("send_chat_message", { ride_id: rideId, message: "I'm on my way!" }), "driver chat");
  await riderEvents.waitFor("chat_message", (p) => p.message === "I'm on my way!" && p.sender_type === "DRIVER");
  expectSuccess(await rider.invoke("send_chat_message", { ride_id: rideId, message: "Coming!" }), "rider chat");
  await driverEvents.waitFor("chat_message", (p) => p.message === "Coming!" && p.sender_type === "RIDER");
  step("both chatted in the ride's room");

  // The trip: drive to the pickup, arrive, start (with the PIN when the deployment requires it), drive, complete.
  await drive(driver, 120, 0, "drove to the pickup");
  await riderEvents.waitFor("driver_location_update", (p) => p.ride_id === rideId);
  expectSuccess(await driver.invoke("driver_arrived", { ride_id: rideId }), "driver_arrived");
  await riderEvents.waitFor("ride_status_update", (p) => p.status === "driverArrived");
  step("driver: arrived; rider: driverArrived");
  const state = expectSuccess(await rider.invoke("get_ride_state", { ride_id: rideId }), "get_ride_state");
  const start = state.ride_data.pin_required ? { ride_id: rideId, pin: state.ride_data.pin } : { ride_id: rideId };
  expectSuccess(await driver.invoke("start_ride", start), "start_ride");
  await riderEvents.waitFor("ride_status_update", (p) => p.status === "drivingToDestination");
  step(`driver: started the trip${state.ride_data.pin_required ? " with the rider's PIN" : ""}`);
  await drive(driver, 0, TRIP_METERS, "drove the trip");
  const completed = expectSuccess(await driver.invoke("complete_ride", { ride_id: rideId }), "complete_ride");
  const { fare, distance, duration } = completed.ride_data;
  await riderEvents.waitFor("ride_status_update", (p) => p.status === "completed");
  step(`driver: completed; fare ${fare} ${created.json.currency} for ${distance} km metered in ${duration} s (estimated ${created.json.estimated_fare})`);

  // The fare follows the trip: the meter counted the distance driven (within 10 %).
  if (!(Math.abs(distance * 1000 - TRIP_METERS) <= TRIP_METERS * 0.1)) {
    fail(`the trip meter counted ${distance} km for a ${TRIP_METERS} m trip`);
  }

  // Rider: rate and pay over REST.
  const rated = await rest("POST", "api/v1/riders/rate/driver", riderToken, { ride_id: rideId, rating: 5, comment: "Smooth" });
  if (rated.status !== 200) fail(`rate: HTTP ${rated.status} ${JSON.stringify(rated.json)}`);
  step("rider: rated the driver 5");
  const paid = await rest("POST", "api/v1/riders/payment", riderToken, { ride_id: rideId, amount: fare, idempotency_key: `js-${suffix}`, method: "card" });
  if (paid.status !== 200) fail(`pay: HTTP ${paid.status} ${JSON.stringify(paid.json)}`);
  step(`rider: paid ${paid.json.amount} ${paid.json.currency}`);

  const seqs = riderEvents.seen.filter((e) => e.method === "ride_status_update").map((e) => e.payload.seq);
  if (seqs.join(",") !== "2,3,4,5") fail(`rider saw status seqs ${seqs.join(",")}`);

  await rider.stop();
  await driver.stop();
  console.log(`FLOW OK ride=${rideId} fare=${fare} distance_km=${distance} seqs=${seqs.join(",")}`);
}

const OVERALL_MS = 90000 + Math.ceil(TRIP_METERS / SPEED_MPS) * 1500;
const overall = setTimeout(() => {
  console.error(`FLOW FAILED: did not finish within ${OVERALL_MS / 1000} s`);
  process.exit(1);
}, OVERALL_MS);

main().then(
  () => {
    clearTimeout(overall);
    process.exit(0);
  },
  (error) => {
    clearTimeout(overall);
    console.error(`FLOW FAILED: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  });
