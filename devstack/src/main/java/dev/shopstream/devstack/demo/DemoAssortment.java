package dev.shopstream.devstack.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the demo shop sells: eight departments, their sub-categories and, for every leaf category (a shelf), the
 * words, EUR price range and variants that {@link DemoCatalogCsv} builds products from. Brands are invented.
 */
public final class DemoAssortment {

    /** A category to create, parents before children; {@code parentSlug} is null for a department. */
    record Category(String slug, String name, String parentSlug) {
    }

    /** A leaf category and the department it belongs to, as products are placed. */
    record Placement(Department department, Shelf shelf, String categorySlug) {
    }

    /** A department or sub-category: either a shelf that holds products or an aisle that groups shelves. */
    sealed interface Section permits Shelf, Aisle {
        String name();
    }

    /** The dimension a product's SKUs differ in (size, colour, capacity…), its values in display order. */
    record Variants(String key, List<String> values) {
    }

    /** A product attribute, with the values it takes. */
    record Trait(String key, List<String> values) {
    }

    /** A leaf category: what its products are called, their price range in whole euros and how they vary. */
    record Shelf(String name, List<String> nouns, int minEuros, int maxEuros, Variants variants)
            implements Section {
    }

    /** A sub-category that groups shelves, giving the tree its third level. */
    record Aisle(String name, List<Shelf> shelves) implements Section {
    }

    /**
     * A top-level category and its vocabulary: product names are brand, adjective, sometimes material, and a noun;
     * descriptions say what it is made for and add a feature.
     */
    record Department(String name, String skuPrefix, List<String> brands, List<String> adjectives, Trait material,
                      boolean coloured, Trait extra, List<String> uses, List<String> features, List<Section> sections) {
    }

    static final List<String> COLOURS = List.of("black", "white", "grey", "navy", "blue", "red", "green", "olive",
            "sand", "brown", "orange", "yellow", "pink", "burgundy", "teal");

    private static final Variants COLOUR = new Variants("colour", COLOURS);
    private static final Variants CLOTHING_SIZES = new Variants("size", List.of("XS", "S", "M", "L", "XL", "XXL"));
    private static final Variants SHOE_SIZES = new Variants("size",
            List.of("37", "38", "39", "40", "41", "42", "43", "44", "45", "46"));

    static final List<Department> DEPARTMENTS = List.of(
            new Department("Outdoor", "OUT",
                    List.of("Nordvik", "Trailcraft", "Alpenwerk", "Cairn", "Wildermark"),
                    List.of("Lightweight", "Ultralight", "Expedition", "Weatherproof", "Packable", "Insulated",
                            "Compact", "Rugged", "Alpine", "Trail"),
                    new Trait("material", List.of("Ripstop Nylon", "Recycled Polyester", "Merino", "Aluminium",
                            "Waxed Canvas", "Titanium")),
                    true,
                    new Trait("season", List.of("3-season", "4-season", "all-season")),
                    List.of("weekend trips", "long-distance hikes", "alpine routes", "family camping",
                            "bikepacking", "wet and windy days"),
                    List.of("Packs down small and weighs less than you would expect.",
                            "Field-tested by our guides, season after season.",
                            "Backed by a 5-year warranty, repairs included.",
                            "Rated \"best in test\" by Trail & Summit magazine.",
                            "Reflective details for dusk and dawn.",
                            "Sewn in a factory certified for low-impact dyeing."),
                    List.of(
                            new Aisle("Camping", List.of(
                                    new Shelf("Tents", List.of("Dome Tent", "Tunnel Tent", "Backpacking Tent",
                                            "Family Tent", "Bivvy Shelter", "Tarp"), 49, 699,
                                            new Variants("capacity", List.of("1-person", "2-person", "3-person",
                                                    "4-person", "6-person"))),
                                    new Shelf("Sleeping Bags", List.of("Mummy Sleeping Bag", "Down Sleeping Bag",
                                            "Synthetic Sleeping Bag", "Sleeping Bag Liner", "Sleeping Mat"), 29, 399,
                                            new Variants("length", List.of("regular", "long", "wide"))),
                                    new Shelf("Camp Kitchen", List.of("Camping Stove", "Cook Set", "Insulated Mug",
                                            "Water Filter", "Camp Kettle", "Spork Set"), 9, 149, COLOUR))),
                            new Aisle("Hiking", List.of(
                                    new Shelf("Backpacks", List.of("Daypack", "Trekking Backpack",
                                            "Hydration Pack", "Hip Pack", "Travel Pack"), 29, 249,
                                            new Variants("volume", List.of("20 l", "30 l", "45 l", "65 l"))),
                                    new Shelf("Hiking Accessories", List.of("Trekking Poles", "Headlamp", "Gaiters",
                                            "Map Case", "Compass"), 9, 129, COLOUR),
                                    new Shelf("Outdoor Clothing", List.of("Rain Jacket", "Softshell Jacket",
                                            "Fleece Jacket", "Down Vest", "Hiking Trousers", "Base Layer Top"), 29, 349,
                                            CLOTHING_SIZES))),
                            new Shelf("Climbing", List.of("Climbing Harness", "Chalk Bag", "Belay Device",
                                    "Quickdraw Set", "Climbing Helmet", "Rope Bag"), 15, 199, COLOUR),
                            new Shelf("Cycling", List.of("Bike Light Set", "Cycling Helmet", "Saddle Bag",
                                    "Bike Lock", "Cycling Jersey", "Mini Pump"), 12, 179, COLOUR),
                            new Shelf("Water Sports", List.of("Dry Bag", "Kayak Paddle", "Wetsuit", "Snorkel Set",
                                    "Swim Goggles", "Inflatable Kayak"), 9, 799, COLOUR))),

            new Department("Clothing", "CLO",
                    List.of("Halden", "Marlow & Finch", "Oaks Lane", "Northwest Mill", "Studio Vela"),
                    List.of("Classic", "Relaxed", "Slim", "Heavyweight", "Cropped", "Oversized", "Essential",
                            "Everyday", "Tailored", "Soft"),
                    new Trait("material", List.of("Organic Cotton", "Merino Wool", "Linen", "Cashmere",
                            "Recycled Polyester", "Denim", "Lambswool", "Tencel")),
                    true,
                    new Trait("fit", List.of("regular", "slim", "relaxed", "oversized")),
                    List.of("the office", "weekends", "travel", "layering in winter", "warm evenings",
                            "every day"),
                    List.of("Machine washable at 30 °C.",
                            "Cut from fabric left over by larger mills, so nothing goes to waste.",
                            "Pre-washed, so it keeps its shape and size.",
                            "Designed in Copenhagen, made to last.",
                            "Called \"the only one you need\" by our customers.",
                            "Sewn in Portugal, in a family-run workshop."),
                    List.of(
                            new Aisle("Women", List.of(
                                    new Shelf("Dresses", List.of("Wrap Dress", "Shirt Dress", "Midi Dress",
                                            "Maxi Dress", "Slip Dress"), 29, 149, CLOTHING_SIZES),
                                    new Shelf("Tops & T-Shirts", List.of("T-Shirt", "Blouse", "Tank Top",
                                            "Long-Sleeve Top", "Polo Shirt"), 12, 69, CLOTHING_SIZES),
                                    new Shelf("Knitwear", List.of("Crew Sweater", "Cardigan", "Turtleneck",
                                            "Knitted Vest", "Roll-Neck Jumper"), 39, 199, CLOTHING_SIZES),
                                    new Shelf("Jackets & Coats", List.of("Trench Coat", "Wool Coat",
                                            "Puffer Jacket", "Denim Jacket", "Blazer"), 59, 349,
                                            CLOTHING_SIZES))),
                            new Aisle("Men", List.of(
                                    new Shelf("Shirts", List.of("Oxford Shirt", "Flannel Shirt", "Linen Shirt",
                                            "Overshirt", "Polo Shirt"), 29, 89, CLOTHING_SIZES),
                                    new Shelf("T-Shirts", List.of("T-Shirt", "Henley", "Long-Sleeve T-Shirt",
                                            "Tank Top"), 12, 49, CLOTHING_SIZES),
                                    new Shelf("Knitwear", List.of("Crew Sweater", "Cardigan",
                                            "Quarter-Zip Sweater", "Cable-Knit Jumper"), 39, 179,
                                            CLOTHING_SIZES),
                                    new Shelf("Trousers", List.of("Chinos", "Jeans", "Cargo Trousers", "Joggers",
                                            "Wool Trousers"), 39, 129, CLOTHING_SIZES),
                                    new Shelf("Jackets & Coats", List.of("Parka", "Bomber Jacket", "Overcoat",
                                            "Field Jacket", "Quilted Jacket"), 69, 399, CLOTHING_SIZES))),
                            new Shelf("Kids", List.of("Hoodie", "T-Shirt", "Rain Jacket", "Pyjama Set", "Leggings",
                                    "Dungarees"), 9, 59, new Variants("size",
                                    List.of("2-3 y", "4-5 y", "6-7 y", "8-9 y", "10-11 y", "12-13 y"))),
                            new Shelf("Accessories", List.of("Beanie", "Scarf", "Leather Belt", "Baseball Cap",
                                    "Gloves", "Socks 3-Pack"), 9, 79, COLOUR))),

            new Department("Shoes", "SHO",
                    List.of("Stride Lab", "Kestrel", "Moorland", "Pacefield", "Urban Sole"),
                    List.of("Cushioned", "Lightweight", "Waterproof", "Classic", "Minimalist", "Everyday",
                            "Responsive", "Low-Top", "High-Top", "Breathable"),
                    new Trait("material", List.of("Leather", "Suede", "Mesh", "Canvas", "Recycled Knit", "Nubuck")),
                    true,
                    new Trait("width", List.of("narrow", "regular", "wide")),
                    List.of("daily runs", "city walks", "rough trails", "the office", "race day", "long days on "
                            + "your feet"),
                    List.of("Removable insole, orthotic-friendly.",
                            "Resoleable, so a good pair lasts for years.",
                            "8 mm heel-to-toe drop.",
                            "Fits true to size; between sizes, take the larger one.",
                            "Grippy rubber outsole with 4 mm lugs.",
                            "Chosen as \"editor's pick\" by Run & Roam."),
                    List.of(
                            new Shelf("Running Shoes", List.of("Road Running Shoes", "Trail Running Shoes",
                                    "Racing Flats", "Stability Running Shoes"), 79, 199, SHOE_SIZES),
                            new Shelf("Hiking Boots", List.of("Hiking Boots", "Approach Shoes", "Mountain Boots",
                                    "Walking Shoes"), 89, 279, SHOE_SIZES),
                            new Shelf("Sneakers", List.of("Sneakers", "Court Shoes", "Slip-On Sneakers",
                                    "Skate Shoes"), 49, 149, SHOE_SIZES),
                            new Shelf("Sandals & Slides", List.of("Sandals", "Slides", "Flip-Flops",
                                    "Hiking Sandals"), 19, 89, SHOE_SIZES),
                            new Shelf("Formal Shoes", List.of("Derby Shoes", "Oxford Shoes", "Loafers",
                                    "Chelsea Boots", "Brogues"), 89, 249, SHOE_SIZES))),

            new Department("Home & Kitchen", "HOM",
                    List.of("Kiln & Co", "Hearthstone", "Maison Orla", "Fjordhem", "Copperleaf"),
                    List.of("Hand-Glazed", "Nonstick", "Stackable", "Minimal", "Rustic", "Professional",
                            "Compact", "Matte", "Heritage", "Everyday"),
                    new Trait("material", List.of("Stainless Steel", "Cast Iron", "Stoneware", "Porcelain",
                            "Borosilicate Glass", "Oak", "Bamboo", "Enamel")),
                    true,
                    new Trait("care", List.of("dishwasher safe", "hand wash", "machine washable", "wipe clean")),
                    List.of("slow Sunday breakfasts", "everyday cooking", "dinner parties", "small kitchens",
                            "a calm bedroom", "the first home"),
                    List.of("Designed in Lisbon, made in small batches.",
                            "Works on gas, electric and induction hobs.",
                            "Every piece is slightly different, as each is finished by hand.",
                            "Comes with a 10-year guarantee.",
                            "Fits standard shelves, 30 × 30 cm.",
                            "Voted \"best buy\" by Home Weekly."),
                    List.of(
                            new Aisle("Cookware", List.of(
                                    new Shelf("Pots & Pans", List.of("Frying Pan", "Saucepan", "Casserole Dish",
                                            "Wok", "Stockpot", "Sauté Pan"), 24, 229,
                                            new Variants("diameter", List.of("20 cm", "24 cm", "28 cm", "32 cm"))),
                                    new Shelf("Bakeware", List.of("Baking Tray", "Loaf Tin", "Springform Pan",
                                            "Muffin Tray", "Pie Dish"), 9, 49,
                                            new Variants("size", List.of("small", "medium", "large"))))),
                            new Shelf("Tableware", List.of("Dinner Plate Set", "Pasta Bowl", "Mug",
                                    "Serving Platter", "Tumbler Set", "Cutlery Set"), 12, 129, COLOUR),
                            new Shelf("Coffee & Tea", List.of("Pour-Over Dripper", "French Press",
                                    "Espresso Cup Set", "Teapot", "Coffee Grinder", "Milk Jug"), 14, 199, COLOUR),
                            new Shelf("Bedding", List.of("Duvet Cover", "Fitted Sheet", "Pillowcase Pair",
                                    "Linen Throw", "Weighted Blanket"), 24, 179,
                                    new Variants("size", List.of("single", "double", "king", "super king"))),
                            new Shelf("Lighting", List.of("Table Lamp", "Floor Lamp", "Pendant Light",
                                    "Wall Sconce", "Desk Lamp"), 29, 299, COLOUR),
                            new Shelf("Storage", List.of("Storage Basket", "Spice Rack", "Food Container Set",
                                    "Shoe Rack", "Bread Bin"), 9, 89, COLOUR))),

            new Department("Electronics", "ELE",
                    List.of("Voltra", "Lumio", "Sonwave", "Bitforge", "Arclight"),
                    List.of("Wireless", "Portable", "Compact", "Noise-Cancelling", "Smart", "Rechargeable",
                            "Ultra-Slim", "Pro", "Waterproof", "Studio"),
                    new Trait("material", List.of("Aluminium", "Recycled Plastic", "Fabric", "Silicone",
                            "Glass")),
                    false,
                    new Trait("connectivity", List.of("Bluetooth 5.3", "Wi-Fi", "USB-C", "Zigbee", "Thread")),
                    List.of("home offices", "commutes", "gaming", "travel", "video calls", "a smarter home"),
                    List.of("Two-year warranty, extendable to five.",
                            "Works with Android, iOS, Windows and macOS.",
                            "Firmware updates for at least 5 years.",
                            "Rated IP67: dust-tight and waterproof to 1 m.",
                            "Reviewers call it \"the one to beat\" in its class.",
                            "Shipped in recycled, plastic-free packaging."),
                    List.of(
                            new Aisle("Audio", List.of(
                                    new Shelf("Headphones", List.of("Over-Ear Headphones", "Earbuds",
                                            "On-Ear Headphones", "Sports Earphones"), 29, 399, COLOUR),
                                    new Shelf("Speakers", List.of("Bluetooth Speaker", "Soundbar", "Smart Speaker",
                                            "Bookshelf Speakers"), 39, 599, COLOUR))),
                            new Shelf("Computer Accessories", List.of("Mechanical Keyboard", "Wireless Mouse",
                                    "USB-C Hub", "Laptop Stand", "Webcam", "Monitor Arm"), 19, 199, COLOUR),
                            new Shelf("Phone Accessories", List.of("Phone Case", "Wireless Charger", "Power Bank",
                                    "Screen Protector", "Car Mount", "Charging Cable"), 9, 79, COLOUR),
                            new Shelf("Cameras", List.of("Action Camera", "Instant Camera", "Camera Tripod",
                                    "Camera Bag", "Memory Card"), 14, 499, COLOUR),
                            new Shelf("Smart Home", List.of("Smart Plug", "Smart Bulb", "Video Doorbell",
                                    "Indoor Camera", "Thermostat", "Motion Sensor"), 14, 249, COLOUR))),

            new Department("Sports & Fitness", "SPO",
                    List.of("Pulse Athletic", "Corefit", "Ironleaf", "Velocity", "Matchpoint"),
                    List.of("Non-Slip", "Adjustable", "Pro", "Training", "Competition", "Lightweight",
                            "Heavy-Duty", "Compact", "Foldable", "Performance"),
                    new Trait("material", List.of("Natural Rubber", "TPE", "Neoprene", "Steel", "Cork", "Nylon")),
                    true,
                    new Trait("level", List.of("beginner", "intermediate", "advanced")),
                    List.of("home workouts", "the gym", "club training", "match day", "stretching",
                            "small flats"),
                    List.of("Folds flat to store under a bed.",
                            "Sweat-resistant, wipes clean in seconds.",
                            "Approved for competition by the national federation.",
                            "Supports up to 150 kg.",
                            "A \"must have\" for beginners, say our coaches.",
                            "Free training plan, 12 weeks, with every order."),
                    List.of(
                            new Shelf("Yoga & Pilates", List.of("Yoga Mat", "Yoga Block", "Pilates Ring",
                                    "Yoga Strap", "Meditation Cushion"), 9, 89, COLOUR),
                            new Aisle("Strength Training", List.of(
                                    new Shelf("Weights", List.of("Dumbbell", "Kettlebell", "Weight Plate",
                                            "Adjustable Dumbbell Set"), 14, 299,
                                            new Variants("weight", List.of("4 kg", "8 kg", "12 kg", "16 kg",
                                                    "20 kg", "24 kg"))),
                                    new Shelf("Training Equipment", List.of("Resistance Band Set", "Pull-Up Bar",
                                            "Weight Bench", "Ab Roller", "Jump Rope"), 9, 249, COLOUR))),
                            new Shelf("Team Sports", List.of("Football", "Basketball", "Volleyball",
                                    "Shin Guards", "Goalkeeper Gloves", "Training Cones"), 9, 69,
                                    new Variants("size", List.of("size 3", "size 4", "size 5"))),
                            new Shelf("Racket Sports", List.of("Tennis Racket", "Badminton Set", "Padel Racket",
                                    "Squash Racket", "Tennis Balls 4-Pack"), 12, 219, COLOUR),
                            new Shelf("Fitness Trackers", List.of("Fitness Tracker", "Heart Rate Monitor",
                                    "GPS Sports Watch", "Smart Scale"), 29, 449, COLOUR))),

            new Department("Beauty & Care", "BEA",
                    List.of("Lumen & Leaf", "Botanica Nord", "Pure Ritual", "Saltwater", "Atelier Musc"),
                    List.of("Hydrating", "Gentle", "Nourishing", "Brightening", "Fragrance-Free", "Organic",
                            "Soothing", "Revitalising", "Daily", "Intensive"),
                    new Trait("ingredient", List.of("Aloe Vera", "Shea Butter", "Vitamin C", "Hyaluronic Acid",
                            "Argan Oil", "Green Tea", "Oat")),
                    false,
                    new Trait("skin_type", List.of("all", "dry", "oily", "sensitive", "combination")),
                    List.of("morning routines", "sensitive skin", "after the gym", "long flights",
                            "a slow evening", "every day"),
                    List.of("Vegan and cruelty-free, in a recycled glass bottle.",
                            "Dermatologically tested, suitable for sensitive skin.",
                            "Free of parabens, silicones and mineral oils.",
                            "Fragrance: bergamot, cedar and a hint of vetiver.",
                            "Our \"hero product\", now in a refillable pack.",
                            "Made in small batches in Grasse, France."),
                    List.of(
                            new Shelf("Skincare", List.of("Face Serum", "Moisturiser", "Cleanser", "Face Mask",
                                    "Eye Cream", "Sunscreen SPF 50"), 9, 59,
                                    new Variants("volume", List.of("15 ml", "30 ml", "50 ml", "100 ml"))),
                            new Shelf("Hair Care", List.of("Shampoo", "Conditioner", "Hair Oil", "Styling Cream",
                                    "Hair Mask"), 6, 34,
                                    new Variants("volume", List.of("50 ml", "250 ml", "500 ml", "1 l"))),
                            new Shelf("Bath & Body", List.of("Body Lotion", "Shower Gel", "Hand Cream",
                                    "Body Scrub", "Bath Salts"), 5, 39,
                                    new Variants("volume", List.of("75 ml", "200 ml", "400 ml"))),
                            new Shelf("Fragrance", List.of("Eau de Parfum", "Eau de Toilette", "Body Mist",
                                    "Solid Perfume"), 19, 129,
                                    new Variants("volume", List.of("10 ml", "30 ml", "50 ml", "100 ml"))),
                            new Shelf("Shaving", List.of("Shaving Cream", "Safety Razor", "Beard Oil",
                                    "Aftershave Balm"), 7, 49,
                                    new Variants("volume", List.of("30 ml", "100 ml", "150 ml"))))),

            new Department("Garden & DIY", "GAR",
                    List.of("Greenhand", "Toolcraft", "Ashgrove", "Bolt & Brace", "Brünnhof"),
                    List.of("Heavy-Duty", "Ergonomic", "Cordless", "Telescopic", "Professional", "Compact",
                            "Weather-Resistant", "Foldable", "Precision", "Rust-Proof"),
                    new Trait("material", List.of("Stainless Steel", "Carbon Steel", "Ash Wood", "Fibreglass",
                            "Aluminium", "Acacia Wood", "Powder-Coated Steel")),
                    true,
                    new Trait("power", List.of("manual", "cordless", "corded")),
                    List.of("small gardens", "weekend projects", "allotments", "balconies", "renovations",
                            "summer evenings outdoors"),
                    List.of("Free returns within 60 days.",
                            "Replacement parts available for 10 years.",
                            "Weatherproof: leave it outside all year.",
                            "Ergonomic grip, tested by professional gardeners.",
                            "Awarded \"tool of the year\" by DIY Today.",
                            "Wood from certified, managed forests."),
                    List.of(
                            new Shelf("Garden Tools", List.of("Pruning Shears", "Garden Spade", "Hand Trowel",
                                    "Hedge Trimmer", "Leaf Rake", "Watering Can"), 9, 149, COLOUR),
                            new Shelf("Power Tools", List.of("Cordless Drill", "Impact Driver", "Circular Saw",
                                    "Random Orbit Sander", "Jigsaw"), 49, 299,
                                    new Variants("battery", List.of("bare tool", "2.0 Ah", "4.0 Ah", "5.0 Ah"))),
                            new Shelf("Hand Tools", List.of("Claw Hammer", "Screwdriver Set", "Adjustable Wrench",
                                    "Utility Knife", "Spirit Level", "Socket Set"), 7, 89, COLOUR),
                            new Shelf("Outdoor Furniture", List.of("Garden Bench", "Bistro Set", "Sun Lounger",
                                    "Folding Chair", "Parasol"), 49, 599, COLOUR),
                            new Shelf("Barbecue", List.of("Kettle Barbecue", "Gas Grill", "Grill Tongs",
                                    "Barbecue Cover", "Charcoal Chimney"), 9, 699, COLOUR))));

    private static final Tree TREE = tree();

    private DemoAssortment() {
    }

    /**
     * Every category, parents before children. A slug is the name's slug when no other category has the same
     * name, else prefixed with its parent's slug ({@code women-knitwear}), so slugs are unique.
     */
    public static List<Category> categories() {
        return TREE.categories();
    }

    /** Every shelf with its department and category slug, in tree order. */
    static List<Placement> placements() {
        return TREE.placements();
    }

    /** A URL slug: ASCII lower-case letters and digits in words joined by single hyphens. */
    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    private record Tree(List<Category> categories, List<Placement> placements) {
    }

    private static Tree tree() {
        Map<String, Integer> nameUses = new HashMap<>();
        for (Department department : DEPARTMENTS) {
            nameUses.merge(slug(department.name()), 1, Integer::sum);
            for (Section section : department.sections()) {
                nameUses.merge(slug(section.name()), 1, Integer::sum);
                if (section instanceof Aisle aisle) {
                    aisle.shelves().forEach(shelf -> nameUses.merge(slug(shelf.name()), 1, Integer::sum));
                }
            }
        }
        List<Category> categories = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        for (Department department : DEPARTMENTS) {
            Category top = new Category(slug(department.name()), department.name(), null);
            categories.add(top);
            for (Section section : department.sections()) {
                Category child = child(top, section.name(), nameUses);
                categories.add(child);
                if (section instanceof Shelf shelf) {
                    placements.add(new Placement(department, shelf, child.slug()));
                } else if (section instanceof Aisle aisle) {
                    for (Shelf shelf : aisle.shelves()) {
                        Category leaf = child(child, shelf.name(), nameUses);
                        categories.add(leaf);
                        placements.add(new Placement(department, shelf, leaf.slug()));
                    }
                }
            }
        }
        return new Tree(List.copyOf(categories), List.copyOf(placements));
    }

    private static Category child(Category parent, String name, Map<String, Integer> nameUses) {
        String own = slug(name);
        return new Category(nameUses.get(own) == 1 ? own : parent.slug() + "-" + own, name, parent.slug());
    }
}
