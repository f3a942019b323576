// Deterministic generation of rescues, rehomers and pets with realistic distributions (species mix, breeds per
// species, ages, sizes, UK places weighted by population, listing and availability mix, three years of
// publication dates). The same seed and the same `today` give the same rows, so benchmarks and tests repeat.
import type { Species } from '@app/contracts';
import { birthDateEstimateOf } from '../modules/pets/age-group';
import { BREEDS_BY_SPECIES } from '@app/database';
import { geoCellOf } from '../modules/pet-search/geo-cell';
import { spreadKmOf, UK_PLACES, type Place } from './uk-places';

/** sfc32: small, fast and good enough for test data; seeded, so every run yields the same rows. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.a >>>= 0;
    this.b >>>= 0;
    this.c >>>= 0;
    this.d >>>= 0;
    const t = (this.a + this.b + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  hex(bytes: number): string {
    let out = '';
    for (let i = 0; i < bytes; i++) out += this.int(256).toString(16).padStart(2, '0');
    return out;
  }
}

/** A weighted choice, precomputed once: `pick` is a binary search over the cumulative weights. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
    this.total = sum;
  }

  static of<T extends string>(table: Record<T, number>): Weighted<T> {
    const keys = Object.keys(table) as T[];
    return new Weighted(
      keys,
      keys.map((k) => table[k]),
    );
  }

  pick(random: SeededRandom): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/** A UUIDv7 (like newId) whose time is `ms` and whose random bits come from the seeded generator. */
export function seededUuidV7(ms: number, random: SeededRandom): string {
  const time = Math.floor(ms).toString(16).padStart(12, '0');
  const rand = random.hex(10);
  const variant = ((parseInt(rand.slice(3, 4), 16) & 0x3) | 0x8).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rand.slice(0, 3)}-${variant}${rand.slice(4, 7)}-${rand.slice(7, 19).padEnd(12, '0')}`;
}

const DAY_MS = 86_400_000;
/** DATETIME(3) literal in UTC. */
export const sqlDateTime = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
export const sqlDate = (date: Date) => date.toISOString().slice(0, 10);
/** Midnight UTC of the day: the generated rows depend on the day only, not on the time of the run. */
const dayStart = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

export interface RescueRow {
  id: string;
  name: string;
  description: string;
  email: string;
  phone: string;
  website: string | null;
  city: string;
  region: string;
  postcode: string;
  country: string;
  status: string;
  verified_at: string;
  settings: string;
  created_at: string;
  updated_at: string;
  /** Not a column: where the rescue's pets live. */
  place: Place;
}

export interface UserRow {
  id: string;
  email: string;
  email_verified_at: string;
  password_hash: string;
  name: string;
  role: string;
  status: string;
  city: string;
  created_at: string;
  updated_at: string;
  place: Place;
}

export type PetRow = Record<(typeof PET_COLUMNS)[number], string | number | null>;

export const RESCUE_COLUMNS = [
  'id',
  'name',
  'description',
  'email',
  'phone',
  'website',
  'city',
  'region',
  'postcode',
  'country',
  'status',
  'verified_at',
  'settings',
  'created_at',
  'updated_at',
] as const;
export const USER_COLUMNS = ['id', 'email', 'email_verified_at', 'password_hash', 'name', 'role', 'status', 'city', 'created_at', 'updated_at'] as const;
export const PET_COLUMNS = [
  'id',
  'owner_type',
  'rescue_id',
  'owner_user_id',
  'name',
  'species',
  'primary_breed',
  'secondary_breed',
  'mixed_breed',
  'birth_date',
  'estimated_age_months',
  'birth_date_estimate',
  'sex',
  'size',
  'colour',
  'coat',
  'weight_kg',
  'description',
  'temperament',
  'good_with_children',
  'good_with_dogs',
  'good_with_cats',
  'house_trained',
  'special_needs',
  'special_needs_notes',
  'energy_level',
  'vaccinated',
  'neutered',
  'microchipped',
  'adoption_fee',
  'city',
  'region',
  'postcode',
  'latitude',
  'longitude',
  'geo_cell',
  'featured',
  'intake_date',
  'listing_status',
  'availability',
  'published_at',
  'adopted_at',
  'deleted_at',
  'created_at',
  'updated_at',
  'version',
] as const;

/**
 * argon2id of "seeded-rehomer-password": the seeded rehomer accounts (rehomer-N@seed.example) can sign in on a
 * demo database. Never used outside generated data.
 */
export const SEEDED_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$1bhMUhvRjTOv4tPjPa7utg$HmsCA8OL3mWLJGcRerC49tfLgYne2tEB1GI90hATfDo';

const SPECIES_MIX = Weighted.of<Species>({ dog: 45, cat: 35, rabbit: 8, small_mammal: 5, bird: 4, reptile: 2, other: 1 });
const SIZE_MIX: Record<Species, Weighted<string>> = {
  dog: Weighted.of({ small: 30, medium: 40, large: 25, extra_large: 5 }),
  cat: Weighted.of({ small: 40, medium: 55, large: 5 }),
  rabbit: Weighted.of({ small: 60, medium: 35, large: 5 }),
  small_mammal: Weighted.of({ small: 95, medium: 5 }),
  bird: Weighted.of({ small: 80, medium: 15, large: 5 }),
  reptile: Weighted.of({ small: 50, medium: 35, large: 15 }),
  other: Weighted.of({ small: 30, medium: 30, large: 30, extra_large: 10 }),
};
const WEIGHT_KG: Record<string, [number, number]> = { small: [0.05, 10], medium: [4, 25], large: [20, 45], extra_large: [40, 90] };
const FEE_RANGE: Record<Species, [number, number]> = {
  dog: [150, 450],
  cat: [75, 150],
  rabbit: [40, 90],
  small_mammal: [10, 40],
  bird: [20, 200],
  reptile: [30, 150],
  other: [20, 300],
};
/** Age in months today: baby 15 %, young 30 %, adult 40 %, senior 15 %. */
const AGE_BANDS = new Weighted<[number, number]>(
  [
    [0, 6],
    [6, 24],
    [24, 96],
    [96, 180],
  ],
  [15, 30, 40, 15],
);
const LISTING_MIX = Weighted.of({ published: 85, draft: 5, submitted: 3, retired: 7 });
const AVAILABILITY_MIX = Weighted.of({ available: 70, on_hold: 8, pending: 7, adopted: 8, fostered: 5, not_available: 2 });
const COATS = Weighted.of({ short: 45, medium: 25, long: 18, wire: 6, curly: 5, hairless: 1 });
const ENERGY = Weighted.of({ low: 25, moderate: 50, high: 25 });
const COLOURS = [
  'black',
  'white',
  'brown',
  'tan',
  'grey',
  'ginger',
  'cream',
  'tabby',
  'tortoiseshell',
  'brindle',
  'black and white',
  'tricolour',
  'golden',
  'chocolate',
  'blue merle',
  'sable',
];

const PET_NAMES = [
  'Alfie',
  'Archie',
  'Bailey',
  'Barney',
  'Bella',
  'Biscuit',
  'Blue',
  'Bonnie',
  'Bramble',
  'Bruno',
  'Buster',
  'Charlie',
  'Chester',
  'Cleo',
  'Coco',
  'Cookie',
  'Daisy',
  'Dexter',
  'Dolly',
  'Dotty',
  'Duke',
  'Ellie',
  'Felix',
  'Fern',
  'Finn',
  'Flossie',
  'Freddie',
  'Ginger',
  'Gizmo',
  'Hazel',
  'Henry',
  'Honey',
  'Hugo',
  'Iris',
  'Ivy',
  'Jack',
  'Jasper',
  'Juno',
  'Kiki',
  'Koda',
  'Lexi',
  'Lily',
  'Lola',
  'Loki',
  'Louie',
  'Luna',
  'Maisie',
  'Marley',
  'Max',
  'Mia',
  'Millie',
  'Milo',
  'Minnie',
  'Misty',
  'Molly',
  'Monty',
  'Murphy',
  'Nala',
  'Ned',
  'Nell',
  'Nelly',
  'Oakley',
  'Olive',
  'Ollie',
  'Oreo',
  'Oscar',
  'Otis',
  'Peanut',
  'Pebbles',
  'Pepper',
  'Percy',
  'Pip',
  'Poppy',
  'Pudding',
  'Rex',
  'Ricky',
  'Rocky',
  'Rolo',
  'Rosie',
  'Ruby',
  'Rufus',
  'Sasha',
  'Scout',
  'Shadow',
  'Simba',
  'Skye',
  'Smudge',
  'Sooty',
  'Sophie',
  'Stanley',
  'Sunny',
  'Teddy',
  'Tia',
  'Tiger',
  'Tilly',
  'Toby',
  'Willow',
  'Winnie',
  'Ziggy',
  'Zeus',
];
const PERSON_FIRST = [
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Arthur',
  'Ivy',
  'Leo',
  'Freya',
  'Harry',
  'Grace',
  'Oscar',
  'Lily',
  'Jack',
  'Rosie',
  'Alfie',
  'Evie',
  'Jacob',
];
const PERSON_LAST = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Khan',
  'Wood',
];
const RESCUE_KINDS = [
  'Animal Rescue',
  'Dog Rescue',
  'Cat Rescue',
  'Animal Sanctuary',
  'Pet Rehoming',
  'Rescue Centre',
  'Small Animal Rescue',
  'Greyhound Trust',
];
const TEMPERAMENT = [
  'affectionate',
  'playful',
  'gentle',
  'loyal',
  'energetic',
  'calm',
  'curious',
  'shy',
  'friendly',
  'independent',
  'cuddly',
  'clever',
  'confident',
  'goofy',
  'sensitive',
  'vocal',
];
const HOMES = [
  'a quiet home',
  'an active family',
  'a home with a garden',
  'a patient first-time owner',
  'an experienced owner',
  'a forever home',
  'a retired couple',
  'a calm adult-only home',
];
const LOVES: Record<Species, string[]> = {
  dog: ['long countryside walks', 'playing fetch', 'squeaky toys', 'sniffing around the park', 'agility', 'a snooze on the sofa', 'swimming', 'puzzle feeders'],
  cat: ['sunny windowsills', 'chasing feather toys', 'a warm lap', 'exploring the garden', 'scratching posts', 'cardboard boxes', 'quiet evenings'],
  rabbit: ['fresh hay', 'digging', 'binkies in the run', 'cardboard tunnels', 'gentle strokes'],
  small_mammal: ['tunnels', 'treat balls', 'nesting in hay', 'exploring mazes', 'gentle handling'],
  bird: ['singing in the morning', 'mirrors and bells', 'millet sprays', 'flying in a large aviary', 'learning new words'],
  reptile: ['basking under the lamp', 'a well planted vivarium', 'live food', 'climbing branches'],
  other: ['a big paddock', 'grazing', 'scratches behind the ears', 'company of its own kind'],
};
const EXTRAS = [
  'Fully house trained and walks nicely on a lead.',
  'Vaccinations are up to date and the vet gave a clean bill of health.',
  'Can be nervous around strangers at first but warms up quickly with treats.',
  'Would benefit from someone at home for most of the day.',
  'Travels well in the car and enjoys day trips.',
  'Responds well to reward based training and knows sit, paw and down.',
  'Came into rescue after a change in the owner circumstances.',
  'Settled quickly in foster and is a firm favourite with the volunteers.',
  'Enjoys a predictable routine and a cosy bed in a quiet corner.',
  'Is a little overweight and on a sensible diet plan.',
  'Has lived happily with older children in foster.',
  'Loves attention and will follow you from room to room.',
  'Needs a secure garden with high fences.',
  'Is microchipped and neutered, ready to go home.',
];

export interface CatalogPlan {
  rescues: RescueRow[];
  rehomers: UserRow[];
}

export interface GeneratorOptions {
  pets: number;
  seed: number;
  /** The day the data is generated "on": publication dates reach back three years from it. */
  today: Date;
}

const placesByWeight = new Weighted(
  UK_PLACES,
  UK_PLACES.map((p) => p.population),
);

function postcodeIn(place: Place, random: SeededRandom): string {
  const letters = 'ABDEFGHJLNPQRSTUWXYZ';
  return `${random.pick(place.postcodeAreas)}${1 + random.int(20)} ${random.int(10)}${letters[random.int(letters.length)]}${letters[random.int(letters.length)]}`;
}

/** A position around the place's centre: normally spread, so a big city is dense in the middle. */
function positionIn(place: Place, random: SeededRandom): { lat: number; lng: number } {
  const spread = spreadKmOf(place);
  const lat = place.lat + (random.normal() * spread) / 111.2;
  const lng = place.lng + (random.normal() * spread) / (111.2 * Math.cos((place.lat * Math.PI) / 180));
  return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
}

/** Rescues (a few hundred at 1M pets) and individual rehomers, created before any of the pets. */
export function planCatalog(options: GeneratorOptions): CatalogPlan {
  const random = new SeededRandom(options.seed * 7919 + 1);
  const start = dayStart(options.today) - 3 * 365 * DAY_MS;
  const rescueCount = Math.min(400, Math.max(20, Math.ceil(options.pets / 2500)));
  const rehomerCount = Math.max(3, Math.round((options.pets * 0.12) / 1.5));
  const rescues: RescueRow[] = [];
  for (let i = 0; i < rescueCount; i++) {
    const place = placesByWeight.pick(random);
    const created = start - random.int(730) * DAY_MS - random.int(DAY_MS);
    const name = `${place.city} ${random.pick(RESCUE_KINDS)}${i >= UK_PLACES.length ? ` ${i + 1}` : ''}`;
    rescues.push({
      id: seededUuidV7(created, random),
      name,
      description: `${name} rehomes animals across ${place.region}. Run by volunteers since ${new Date(created).getUTCFullYear() - random.int(20)}.`,
      email: `rescue-${i + 1}@seed.example`,
      phone: `0${1000 + random.int(9000)} ${100000 + random.int(900000)}`,
      website: random.chance(0.7) ? `https://rescue-${i + 1}.seed.example` : null,
      city: place.city,
      region: place.region,
      postcode: postcodeIn(place, random),
      country: 'GB',
      status: 'verified',
      verified_at: sqlDateTime(created + DAY_MS),
      settings: JSON.stringify({ defaultAdoptionFee: null, adoptionPolicy: '', waitlistOnApproval: false }),
      created_at: sqlDateTime(created),
      updated_at: sqlDateTime(created + DAY_MS),
      place,
    });
  }
  const rehomers: UserRow[] = [];
  for (let i = 0; i < rehomerCount; i++) {
    const place = placesByWeight.pick(random);
    const created = start + random.int(3 * 365) * DAY_MS - 30 * DAY_MS;
    rehomers.push({
      id: seededUuidV7(created, random),
      email: `rehomer-${i + 1}@seed.example`,
      email_verified_at: sqlDateTime(created + 3_600_000),
      password_hash: SEEDED_PASSWORD_HASH,
      name: `${random.pick(PERSON_FIRST)} ${random.pick(PERSON_LAST)}`,
      role: 'rehomer',
      status: 'active',
      city: place.city,
      created_at: sqlDateTime(created),
      updated_at: sqlDateTime(created),
      place,
    });
  }
  return { rescues, rehomers };
}

/** Pets in creation order (ids are UUIDv7 of their creation time, so they append to the clustered index). */
export function* generatePets(options: GeneratorOptions, plan: CatalogPlan): Generator<PetRow> {
  const random = new SeededRandom(options.seed);
  const end = dayStart(options.today);
  const start = end - 3 * 365 * DAY_MS;
  const step = (end - start) / Math.max(1, options.pets);
  const breedWeights = new Map<Species, Weighted<string>>();
  for (const species of Object.keys(BREEDS_BY_SPECIES) as Species[]) {
    const breeds = BREEDS_BY_SPECIES[species];
    // A few popular breeds and a long tail, ranked in an order fixed by a generator of its own.
    const shuffle = new SeededRandom(species.length * 101);
    const order = [...breeds]
      .map((breed) => ({ breed, rank: shuffle.next() }))
      .sort((a, b) => a.rank - b.rank)
      .map((entry) => entry.breed);
    breedWeights.set(
      species,
      new Weighted(
        order,
        order.map((_, rank) => 1 / (rank + 1.5)),
      ),
    );
  }

  for (let i = 0; i < options.pets; i++) {
    const created = Math.floor(start + i * step + random.next() * step * 0.9);
    const species = SPECIES_MIX.pick(random);
    const breeds = breedWeights.get(species)!;
    const mixed = species === 'dog' ? random.chance(0.3) : species === 'cat' ? random.chance(0.1) : false;
    const primaryBreed = breeds.pick(random);
    let secondaryBreed: string | null = mixed ? breeds.pick(random) : null;
    if (secondaryBreed === primaryBreed) secondaryBreed = null;
    const sex = random.chance(species === 'bird' || species === 'reptile' ? 0.3 : 0.04) ? 'unknown' : random.chance(0.5) ? 'male' : 'female';
    const size = SIZE_MIX[species].pick(random);
    const [ageLow, ageHigh] = AGE_BANDS.pick(random);
    const ageDays = Math.floor(random.between(ageLow, ageHigh) * 30.44);
    const born = new Date(end - ageDays * DAY_MS);
    const listed = new Date(created);
    const knownBirth = random.chance(0.4) || born.getTime() > created;
    const estimatedAgeMonths = knownBirth ? null : Math.max(0, Math.round((created - born.getTime()) / (30.44 * DAY_MS)));
    const birthDate = knownBirth ? sqlDate(born) : null;
    const birthDateEstimate = sqlDate(birthDateEstimateOf(birthDate, estimatedAgeMonths, listed));

    const rescueOwned = random.chance(0.88);
    const rescue = rescueOwned ? plan.rescues[random.int(plan.rescues.length)] : null;
    const rehomer = rescueOwned ? null : plan.rehomers[random.int(plan.rehomers.length)];
    const place = rescue ? rescue.place : rehomer!.place;
    const position = random.chance(0.99) ? positionIn(place, random) : null;

    const listingStatus = LISTING_MIX.pick(random);
    const everPublished = listingStatus === 'published' || listingStatus === 'retired';
    const availability = listingStatus === 'published' ? AVAILABILITY_MIX.pick(random) : listingStatus === 'retired' ? 'not_available' : 'available';
    const publishedAt = everPublished ? created + random.int(Math.max(1, Math.min(3 * DAY_MS, end - created))) : null;
    const deleted = random.chance(0.01);
    const name = random.pick(PET_NAMES);
    const goodWith = () => (random.chance(0.2) ? null : random.chance(0.7) ? 1 : 0);
    const goodWithChildren = goodWith();
    const goodWithDogs = species === 'dog' || species === 'cat' ? goodWith() : null;
    const goodWithCats = species === 'dog' || species === 'cat' ? goodWith() : null;
    const specialNeeds = random.chance(0.06);
    const temperament = [...new Set([random.pick(TEMPERAMENT), random.pick(TEMPERAMENT), random.pick(TEMPERAMENT)])].slice(0, 2 + random.int(2));
    const pronoun = sex === 'female' ? 'She' : sex === 'male' ? 'He' : 'This one';
    const [weightLow, weightHigh] = WEIGHT_KG[size];
    const [feeLow, feeHigh] = FEE_RANGE[species];
    const description = [
      `${name} is ${/^[aeiou]/.test(temperament[0]) ? 'an' : 'a'} ${temperament[0]} ${(secondaryBreed ? `${primaryBreed} cross` : primaryBreed).toLowerCase()} looking for ${random.pick(HOMES)}.`,
      `${pronoun} is ${temperament.slice(1).join(' and ') || 'sweet natured'} and loves ${random.pick(LOVES[species])}.`,
      goodWithChildren === 1 ? 'Happy to live with children.' : goodWithChildren === 0 ? 'Would suit an adult-only home.' : '',
      goodWithDogs === 1 ? 'Gets on well with other dogs.' : goodWithDogs === 0 ? 'Needs to be the only dog.' : '',
      random.pick(EXTRAS),
      random.chance(0.5) ? random.pick(EXTRAS) : '',
      specialNeeds ? 'Has ongoing medical needs that the rescue will explain in full.' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const intake = created - random.int(60) * DAY_MS;

    yield {
      id: seededUuidV7(created, random),
      owner_type: rescue ? 'rescue' : 'individual',
      rescue_id: rescue?.id ?? null,
      owner_user_id: rehomer?.id ?? null,
      name,
      species,
      primary_breed: primaryBreed,
      secondary_breed: secondaryBreed,
      mixed_breed: mixed ? 1 : 0,
      birth_date: birthDate,
      estimated_age_months: estimatedAgeMonths,
      birth_date_estimate: birthDateEstimate,
      sex,
      size,
      colour: random.pick(COLOURS),
      coat: species === 'dog' || species === 'cat' || species === 'rabbit' ? COATS.pick(random) : 'short',
      weight_kg: random.chance(0.8) ? Math.round(random.between(weightLow, weightHigh) * 100) / 100 : null,
      description,
      temperament: JSON.stringify(temperament),
      good_with_children: goodWithChildren,
      good_with_dogs: goodWithDogs,
      good_with_cats: goodWithCats,
      house_trained: random.chance(species === 'dog' || species === 'cat' ? 0.7 : 0.3) ? 1 : 0,
      special_needs: specialNeeds ? 1 : 0,
      special_needs_notes: specialNeeds ? 'Needs daily medication; the rescue covers the first month.' : null,
      energy_level: ENERGY.pick(random),
      vaccinated: random.chance(0.8) ? 1 : 0,
      neutered: random.chance(0.7) ? 1 : 0,
      microchipped: random.chance(species === 'dog' || species === 'cat' ? 0.9 : 0.2) ? 1 : 0,
      adoption_fee: random.chance(0.9) ? Math.round(random.between(feeLow, feeHigh) / 5) * 5 : null,
      city: place.city,
      region: place.region,
      postcode: postcodeIn(place, random),
      latitude: position?.lat ?? null,
      longitude: position?.lng ?? null,
      geo_cell: position ? geoCellOf(position.lat, position.lng) : null,
      featured: listingStatus === 'published' && random.chance(0.03) ? 1 : 0,
      intake_date: rescue ? sqlDate(new Date(intake)) : null,
      listing_status: listingStatus,
      availability,
      published_at: publishedAt === null ? null : sqlDateTime(publishedAt),
      adopted_at: availability === 'adopted' && publishedAt !== null ? sqlDateTime(Math.min(end - 1000, publishedAt + (1 + random.int(60)) * DAY_MS)) : null,
      deleted_at: deleted ? sqlDateTime(Math.min(end - 1000, created + random.int(30) * DAY_MS)) : null,
      created_at: sqlDateTime(created),
      updated_at: sqlDateTime(publishedAt ?? created),
      version: everPublished ? 2 : 1,
    };
  }
}
