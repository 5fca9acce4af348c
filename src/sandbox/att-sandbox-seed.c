/* att-sandbox-seed.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "att-sandbox-json.h"
#include "att-sandbox-product.h"
#include "att-sandbox-seed.h"
#include "att-sandbox-util.h"

/*
 * Demo products are written out by hand so that a new user sees a
 * believable catalogue: real-sounding names, categories and sizes from
 * categories.json, weights, 1-4 materials whose compositions add up to 100,
 * packaging, trims and countries.  Purchase orders, identifiers (valid
 * GTIN-13 check digits) and dates are derived from each product's index, so
 * the demo is identical on every run; fixed ids make seeding idempotent.
 *
 * Generated products (for paging and speed checks) come from a seeded
 * generator and are also reproducible.
 */

#define AA "ApparelAccessories-"
#define HG "HomeGarden-"

/* 2024-01-08 00:00 UTC, the first demo product's creation. */
#define DEMO_EPOCH_MS G_GINT64_CONSTANT (1704672000000)
/* 2023-01-02 00:00 UTC, the earliest generated product. */
#define GENERATED_EPOCH_MS G_GINT64_CONSTANT (1672617600000)
#define DAY_MS             G_GINT64_CONSTANT (86400000)

#define DEMO_ID_HIGH 0x64656d6f

typedef struct
{
  const char *name;
  const char *category;
  const char *size;
  guint       grams;
  const char *materials;  /* "id:composition,..." */
  const char *packaging;  /* "id:amount,..." */
  const char *components; /* "id:unit,..." */
  const char *countries;  /* "fabric,dyeing,assembly" */
  const char *tags;       /* "tag,tag" */
} DemoProduct;

static const DemoProduct demo_products[] = {
  { "Organic Cotton Crew Tee", AA "TopsBlouses-TShirts", "Adult", 180,
    "MatTX0053:100", "Pkg0002:1,Pkg0016:1", "Cmp0032:1,Cmp0033:1,Cmp0031:1", "IN,IN,BD", "organic,basics,ss24" },
  { "Organic Cotton V-Neck Tee", AA "TopsBlouses-TShirts", "Adult", 170,
    "MatTX0053:95,MatTX0016:5", "Pkg0002:1,Pkg0016:1", "Cmp0032:1,Cmp0033:1", "IN,IN,IN", "organic,basics" },
  { "Kids' Organic Cotton Tee", AA "TopsBlouses-TShirts", "Childrens/Youth", 110,
    "MatTX0053:100", "Pkg0004:1,Pkg0016:1", "Cmp0032:1,Cmp0034:1", "TR,TR,TR", "organic,kids" },
  { "Recycled Polyester Running Tee", AA "TopsBlouses-TShirts", "Adult", 140,
    "MatTX0063:88,MatTX0016:12", "Pkg0002:1", "Cmp0035:1,Cmp0030:1", "VN,VN,VN", "performance,recycled" },
  { "Merino Wool Base Layer Tee", AA "TopsBlouses-TShirts", "Adult", 160,
    "MatTX0085:100", "Pkg0006:1,Pkg0016:1", "Cmp0032:1,Cmp0033:1", "CN,CN,VN", "merino,outdoor" },
  { "Linen Button-Down Shirt", AA "TopsBlouses-ButtonFrontShirts", "Adult", 230,
    "MatTX0086:100", "Pkg0001:1,Pkg0028:1,Pkg0029:2", "Cmp0003:9,Cmp0032:1,Cmp0033:1", "FR,TN,TN", "linen,ss24" },
  { "Oxford Cotton Shirt", AA "TopsBlouses-ButtonFrontShirts", "Adult", 260,
    "MatTX0050:100", "Pkg0001:1,Pkg0028:1,Pkg0016:1", "Cmp0003:10,Cmp0032:1,Cmp0034:1", "PK,PK,BD", "classic" },
  { "Flannel Check Shirt", AA "TopsBlouses-ButtonFrontShirts", "Adult", 320,
    "MatTX0050:100", "Pkg0002:1,Pkg0016:1", "Cmp0003:8,Cmp0032:1", "IN,IN,BD", "aw24" },
  { "Lyocell Relaxed Blouse", AA "TopsBlouses-Blouses", "Adult", 190,
    "MatTX0098:100", "Pkg0004:1,Pkg0016:1", "Cmp0003:6,Cmp0032:1,Cmp0033:1", "CN,CN,CN", "lyocell" },
  { "Silk Satin Blouse", AA "TopsBlouses-Blouses", "Adult", 150,
    "MatTX0144:100", "Pkg0006:1,Pkg0024:1", "Cmp0003:7,Cmp0032:1", "CN,CN,CN", "silk,occasion" },
  { "Piqué Polo Shirt", AA "TopsBlouses-PoloShirts", "Adult", 240,
    "MatTX0051:100", "Pkg0002:1,Pkg0016:1", "Cmp0003:3,Cmp0032:1,Cmp0033:1", "TR,TR,TR", "classic" },
  { "Performance Polo", AA "TopsBlouses-PoloShirts", "Adult", 180,
    "MatTX0063:92,MatTX0016:8", "Pkg0002:1", "Cmp0003:2,Cmp0035:1", "VN,VN,VN", "performance,recycled" },
  { "Ribbed Cotton Tank Top", AA "TopsBlouses-TankTops", "Adult", 120,
    "MatTX0051:95,MatTX0016:5", "Pkg0002:1", "Cmp0032:1,Cmp0033:1", "BD,BD,BD", "basics" },
  { "Merino Crew Pullover", AA "SweatersKnitwear-Pullovers", "Adult", 350,
    "MatTX0085:100", "Pkg0007:1,Pkg0016:1", "Cmp0032:1,Cmp0033:1", "CN,CN,CN", "merino,aw24" },
  { "Cashmere Roll-Neck Sweater", AA "SweatersKnitwear-Pullovers", "Adult", 300,
    "MatTX0115:100", "Pkg0024:1,Pkg0013:1", "Cmp0032:1,Cmp0033:1", "CN,CN,CN", "cashmere,luxury" },
  { "Recycled Wool Cardigan", AA "SweatersKnitwear-Cardigans", "Adult", 480,
    "MatTX0083:70,MatTX0071:30", "Pkg0007:1", "Cmp0003:6,Cmp0032:1", "TR,TR,TR", "recycled,aw24" },
  { "Alpaca Blend Cardigan", AA "SweatersKnitwear-Cardigans", "Adult", 420,
    "MatTX0113:60,MatTX0079:40", "Pkg0007:1,Pkg0016:1", "Cmp0004:5,Cmp0032:1", "RLA,RLA,RLA", "alpaca" },
  { "Organic Cotton Hoodie", AA "SweatshirtsHoodies-Hoodies", "Adult", 520,
    "MatTX0053:85,MatTX0063:15", "Pkg0002:1,Pkg0016:1", "Cmp0023:1,Cmp0032:1,Cmp0033:1", "IN,IN,PK", "organic" },
  { "Recycled Fleece Zip Hoodie", AA "SweatshirtsHoodies-Hoodies", "Adult", 480,
    "MatTX0134:100", "Pkg0002:1", "Cmp0006:1,Cmp0023:1,Cmp0032:1", "CN,CN,VN", "recycled,outdoor" },
  { "Kids' Fleece Hoodie", AA "SweatshirtsHoodies-Hoodies", "Childrens/Youth", 300,
    "MatTX0133:80,MatTX0061:20", "Pkg0002:1", "Cmp0023:1,Cmp0032:1", "BD,BD,BD", "kids" },
  { "Wool Overcoat", AA "OuterwearCoatsJackets-Coats", "Adult", 1600,
    "MatTX0078:70,MatTX0070:10,MatTX0094:20", "Pkg0022:1,Pkg0001:1", "Cmp0003:6,Cmp0032:1,Cmp0033:1", "TR,TR,TR", "tailoring,aw24" },
  { "Packable Rain Jacket", AA "OuterwearCoatsJackets-RainJackets", "Adult", 380,
    "MatTX0141:100", "Pkg0002:1", "Cmp0007:1,Cmp0022:2,Cmp0023:1", "CN,CN,VN", "outdoor,waterproof" },
  { "Recycled Nylon Rain Shell", AA "OuterwearCoatsJackets-RainJackets", "Adult", 340,
    "MatTX0140:100", "Pkg0002:1", "Cmp0007:1,Cmp0015:2", "VN,VN,VN", "recycled,outdoor" },
  { "Goose Down Puffer Jacket", AA "OuterwearCoatsJackets-DownJackets", "Adult", 620,
    "MatTX0139:45,MatTX0151:55", "Pkg0002:1", "Cmp0007:1,Cmp0012:4,Cmp0032:1", "CN,CN,CN", "down,aw24" },
  { "Recycled Insulated Puffer", AA "OuterwearCoatsJackets-DownJackets", "Adult", 560,
    "MatTX0140:50,MatTX0149:50", "Pkg0002:1", "Cmp0007:1,Cmp0032:1", "VN,VN,VN", "recycled" },
  { "Linen Blend Blazer", AA "SuitsBlazers-Blazers", "Adult", 700,
    "MatTX0086:55,MatTX0094:45", "Pkg0022:1,Pkg0001:1", "Cmp0004:4,Cmp0032:1,Cmp0033:1", "TN,TN,TN", "tailoring,ss24" },
  { "Wool Flannel Blazer", AA "SuitsBlazers-Blazers", "Adult", 850,
    "MatTX0078:90,MatTX0094:10", "Pkg0022:1", "Cmp0003:6,Cmp0032:1", "TR,TR,TR", "tailoring" },
  { "Organic Denim Slim Jeans", AA "Pants-Jeans", "Adult", 650,
    "MatTX0127:98,MatTX0016:2", "Pkg0007:1,Pkg0016:1,Pkg0018:1", "Cmp0010:1,Cmp0011:6,Cmp0005:1,Cmp0036:1", "TR,TR,TR", "denim,organic" },
  { "Recycled Denim Straight Jeans", AA "Pants-Jeans", "Adult", 700,
    "MatTX0128:40,MatTX0126:58,MatTX0016:2", "Pkg0007:1,Pkg0016:1", "Cmp0010:1,Cmp0011:6,Cmp0005:1", "PK,PK,PK", "denim,recycled" },
  { "Kids' Stretch Jeans", AA "Pants-Jeans", "Childrens/Youth", 380,
    "MatTX0126:97,MatTX0016:3", "Pkg0002:1", "Cmp0010:1,Cmp0005:1,Cmp0024:1", "BD,BD,BD", "kids,denim" },
  { "Stretch Chino Trousers", AA "Pants-Trousers", "Adult", 520,
    "MatTX0050:97,MatTX0016:3", "Pkg0002:1,Pkg0016:1", "Cmp0003:2,Cmp0006:1", "VN,VN,VN", "classic" },
  { "Wide-Leg Linen Trousers", AA "Pants-Trousers", "Adult", 420,
    "MatTX0088:100", "Pkg0004:1", "Cmp0024:1,Cmp0006:1", "FR,TN,TN", "linen" },
  { "Recycled Yoga Leggings", AA "Pants-Leggings", "Adult", 230,
    "MatTX0073:78,MatTX0016:22", "Pkg0002:1", "Cmp0025:1,Cmp0035:1", "VN,VN,VN", "performance,recycled" },
  { "Kids' Cotton Jersey Leggings", AA "Pants-Leggings", "Childrens/Youth", 140,
    "MatTX0051:92,MatTX0016:8", "Pkg0002:1", "Cmp0025:1", "IN,IN,IN", "kids" },
  { "Hemp Canvas Shorts", AA "Shorts-Shorts", "Adult", 330,
    "MatTX0092:100", "Pkg0007:1", "Cmp0004:1,Cmp0006:1", "CN,CN,CN", "hemp,ss24" },
  { "Trail Running Shorts", AA "Shorts-Shorts", "Adult", 140,
    "MatTX0062:90,MatTX0016:10", "Pkg0002:1", "Cmp0024:1,Cmp0023:1", "VN,VN,VN", "performance" },
  { "Pleated Satin Midi Skirt", AA "SkirtsDresses-Skirts", "Adult", 300,
    "MatTX0137:100", "Pkg0001:1,Pkg0022:1", "Cmp0008:1,Cmp0032:1", "CN,CN,CN", "occasion" },
  { "Denim Mini Skirt", AA "SkirtsDresses-Skirts", "Adult", 350,
    "MatTX0126:100", "Pkg0002:1", "Cmp0010:1,Cmp0005:1", "MA,MA,MA", "denim" },
  { "Linen Wrap Dress", AA "SkirtsDresses-Dresses", "Adult", 380,
    "MatTX0086:100", "Pkg0004:1,Pkg0022:1", "Cmp0032:1,Cmp0033:1", "FR,MA,MA", "linen,ss24" },
  { "Viscose Floral Maxi Dress", AA "SkirtsDresses-Dresses", "Adult", 340,
    "MatTX0094:100", "Pkg0002:1", "Cmp0008:1,Cmp0032:1", "IN,IN,IN", "ss24" },
  { "Organic Cotton Jersey Dress", AA "SkirtsDresses-Dresses", "Adult", 320,
    "MatTX0053:95,MatTX0016:5", "Pkg0004:1", "Cmp0032:1", "TR,TR,TR", "organic" },
  { "Merino Hiking Socks", AA "UnderwearSocks-Socks", "Adult", 80,
    "MatTX0085:60,MatTX0073:35,MatTX0016:5", "Pkg0016:1", "", "TR,TR,TR", "merino,outdoor" },
  { "Organic Cotton Ankle Socks (3-Pack)", AA "UnderwearSocks-Socks", "Adult", 120,
    "MatTX0053:80,MatTX0071:17,MatTX0016:3", "Pkg0013:1", "", "TR,TR,TR", "organic,basics" },
  { "Woven Cotton Boxer Shorts", AA "UnderwearSocks-BoxerShorts", "Adult", 90,
    "MatTX0050:100", "Pkg0013:1", "Cmp0024:1,Cmp0003:2", "PK,PK,PK", "basics" },
  { "Organic Cotton Briefs", AA "UnderwearSocks-Briefs", "Adult", 60,
    "MatTX0053:95,MatTX0016:5", "Pkg0013:1", "Cmp0025:1", "IN,IN,IN", "organic,basics" },
  { "Recycled Nylon T-Shirt Bra", AA "UnderwearSocks-Bras", "Adult", 70,
    "MatTX0073:80,MatTX0016:20", "Pkg0013:1", "Cmp0026:2,Cmp0027:1,Cmp0025:1", "CN,CN,VN", "recycled" },
  { "Recycled Nylon Swimsuit", AA "Swimwear-Swimsuits", "Adult", 150,
    "MatTX0073:80,MatTX0016:20", "Pkg0006:1", "Cmp0032:1", "MA,MA,MA", "swim,recycled" },
  { "Kids' Swim Shorts", AA "Swimwear-SwimShorts", "Childrens/Youth", 110,
    "MatTX0062:100", "Pkg0002:1", "Cmp0023:1,Cmp0025:1", "CN,CN,CN", "kids,swim" },
  { "Quick-Dry Swim Shorts", AA "Swimwear-SwimShorts", "Adult", 160,
    "MatTX0062:100", "Pkg0002:1", "Cmp0023:1,Cmp0024:1", "VN,VN,VN", "swim" },
  { "Tapered Track Pants", AA "Activewear-TrackPants", "Adult", 380,
    "MatTX0063:90,MatTX0016:10", "Pkg0002:1", "Cmp0024:1,Cmp0006:2", "VN,VN,VN", "performance" },
  { "High-Support Sports Bra", AA "Activewear-SportsBras", "Adult", 110,
    "MatTX0073:75,MatTX0016:25", "Pkg0002:1", "Cmp0027:1,Cmp0025:1", "CN,CN,VN", "performance" },
  { "Lambswool Scarf", AA "Accessories-Scarves", "Adult", 180,
    "MatTX0079:100", "Pkg0016:1,Pkg0018:1", "", "REE,REE,REE", "wool,aw24" },
  { "Ribbed Merino Beanie", AA "Accessories-Beanies", "Adult", 90,
    "MatTX0085:100", "Pkg0016:1", "Cmp0032:1", "CN,CN,CN", "merino" },
  { "Touchscreen Knit Gloves", AA "Accessories-Gloves", "Adult", 70,
    "MatTX0079:60,MatTX0071:35,MatTX0016:5", "Pkg0016:1,Pkg0019:1", "", "CN,CN,CN", "aw24" },
  { "Recycled Mesh Running Shoes", AA "Shoes-RunningShoes", "Adult", 620,
    "MatTX0136:40,MatRB0005:35,MatRB0002:25", "Pkg0012:1,Pkg0027:2", "Cmp0038:2,Cmp0047:2,Cmp0049:2,Cmp0050:2", "VN,VN,VN", "running,recycled" },
  { "Leather Court Sneakers", AA "Shoes-Sneakers", "Adult", 900,
    "MatLT0001:55,MatRB0001:35,MatTX0050:10", "Pkg0012:1,Pkg0025:2", "Cmp0038:2,Cmp0041:14,Cmp0047:2", "REO,REO,REO", "leather" },
  { "Canvas Low-Top Sneakers", AA "Shoes-Sneakers", "Adult", 700,
    "MatTX0129:50,MatRB0001:50", "Pkg0012:1", "Cmp0039:2,Cmp0041:12,Cmp0047:2", "CN,CN,CN", "canvas" },
  { "Waterproof Hiking Boots", AA "Shoes-HikingBoots", "Adult", 1300,
    "MatLT0004:45,MatTX0141:15,MatRB0002:25,MatRB0009:15", "Pkg0012:1,Pkg0027:2", "Cmp0039:2,Cmp0041:16,Cmp0045:2,Cmp0053:2", "VN,VN,VN", "outdoor,waterproof" },
  { "Chelsea Ankle Boots", AA "Shoes-AnkleBoots", "Adult", 1100,
    "MatLT0001:60,MatLT0007:15,MatRB0002:25", "Pkg0012:1,Pkg0025:2", "Cmp0050:2,Cmp0048:2", "IN,IN,IN", "leather,aw24" },
  { "Cork Footbed Sandals", AA "Shoes-Sandals", "Adult", 520,
    "MatLT0017:45,MatLT0002:35,MatRB0005:20", "Pkg0012:1", "Cmp0019:2", "MA,MA,MA", "cork,ss24" },
  { "Wool Felt Slippers", AA "Shoes-Slippers", "Adult", 380,
    "MatTX0143:70,MatRB0010:30", "Pkg0007:1", "", "REE,REE,REE", "wool" },
  { "Suede Penny Loafers", AA "Shoes-Loafers", "Adult", 750,
    "MatLT0004:65,MatLT0007:15,MatRB0001:20", "Pkg0012:1,Pkg0025:2", "Cmp0050:2,Cmp0049:2", "IN,IN,IN", "leather" },
  { "Natural Rubber Flip-Flops", AA "Shoes-FlipFlops", "Adult", 260,
    "MatRB0001:100", "Pkg0031:1", "", "RAS,RAS,RAS", "ss24" },
  { "Kids' Canvas Sneakers", AA "Shoes-Sneakers", "Childrens/Youth", 420,
    "MatTX0129:55,MatRB0001:45", "Pkg0012:1", "Cmp0039:2,Cmp0015:2", "CN,CN,CN", "kids,canvas" },
  { "Organic Cotton Percale Duvet Cover", HG "LinensBedding-DuvetCovers", "Double", 1300,
    "MatTX0052:100", "Pkg0007:1", "Cmp0003:8", "IN,IN,IN", "organic,home" },
  { "Washed Linen Duvet Cover", HG "LinensBedding-DuvetCovers", "King", 1800,
    "MatTX0086:100", "Pkg0007:1", "Cmp0003:10", "FR,FR,TN", "linen,home" },
  { "Cotton Sateen Fitted Sheet", HG "LinensBedding-BedSheets", "Queen", 900,
    "MatTX0050:100", "Pkg0007:1", "Cmp0024:1", "PK,PK,PK", "home" },
  { "Lyocell Pillowcase Pair", HG "LinensBedding-Pillowcases", "Standard", 320,
    "MatTX0098:100", "Pkg0004:1", "", "CN,CN,CN", "home" },
  { "Merino Wool Throw Blanket", HG "LinensBedding-Blankets", "Single", 1400,
    "MatTX0078:100", "Pkg0007:1,Pkg0016:1", "", "REO,REO,REO", "wool,home" },
  { "Recycled Fleece Blanket", HG "LinensBedding-Blankets", "Double", 1200,
    "MatTX0134:100", "Pkg0002:1", "", "CN,CN,CN", "recycled,home" },
  { "Organic Cotton Bath Towel", HG "LinensBedding-BathTowels", "Bath Towel", 600,
    "MatTX0132:100", "Pkg0007:1", "", "TR,TR,TR", "organic,home" },
  { "Waffle Hand Towel", HG "LinensBedding-BathTowels", "Hand Towel", 180,
    "MatTX0131:100", "Pkg0016:1", "", "PK,PK,PK", "home" },
  { "Linen Kitchen Towel Set", HG "LinensBedding-KitchenTowels", "Standard", 250,
    "MatTX0086:100", "Pkg0016:1,Pkg0018:1", "", "REE,REE,REE", "linen,home" },
  { "Linen Tablecloth", HG "LinensBedding-Tablecloths", "Large", 900,
    "MatTX0086:100", "Pkg0007:1", "", "FR,FR,FR", "linen,home" },
  { "Blackout Curtain Panel", HG "Decor-Curtains", "Large", 2200,
    "MatTX0060:85,MatTX0138:15", "Pkg0001:1", "", "CN,CN,CN", "home" },
  { "Jute Area Rug", HG "Decor-Rugs", "Medium", 4500,
    "MatTX0007:85,MatRB0010:15", "Pkg0026:1", "", "IN,IN,IN", "home" },
  { "Recycled Hiking Backpack", "LuggageBags-Backpacks-Backpacks", "35-60L", 1400,
    "MatTX0140:70,MatTX0135:20,MatRB0007:10", "Pkg0002:1", "Cmp0007:2,Cmp0018:4,Cmp0022:2", "VN,VN,VN", "outdoor,recycled" },
  { "Down Sleeping Bag", "SportingGoods-CampingHiking-SleepingBags", "Regular", 1100,
    "MatTX0139:40,MatTX0150:60", "Pkg0009:1", "Cmp0007:1,Cmp0022:1", "CN,CN,CN", "outdoor,down" },
  { "Two-Person Backpacking Tent", "SportingGoods-CampingHiking-Tents", "1-2 Person", 1900,
    "MatTX0139:70,MatTX0138:30", "Pkg0009:1", "Cmp0022:4,Cmp0006:2", "CN,CN,CN", "outdoor" },
};

/* Helpers --------------------------------------------------------------------- */

/**
 * att_sandbox_seed_gtin13:
 * @number: the first 12 digits
 *
 * Returns: (transfer full): a GTIN-13 with its check digit
 */
char *
att_sandbox_seed_gtin13 (guint64 number)
{
  char  digits[14];
  guint sum = 0;

  g_snprintf (digits, sizeof digits, "%012" G_GUINT64_FORMAT, number % G_GUINT64_CONSTANT (1000000000000));

  /* GS1: from the right, weights 3, 1, 3, ... over the data digits. */
  for (guint i = 0; i < 12; i++)
    sum += (guint) (digits[11 - i] - '0') * (i % 2 == 0 ? 3 : 1);

  digits[12] = (char) ('0' + (10 - sum % 10) % 10);
  digits[13] = '\0';
  return g_strdup (digits);
}

/* Parses "id:number,id:number" into [{id_key: id, amount_key: number}]. */
static JsonArray *
parse_pairs (const char *spec,
             const char *id_key,
             const char *amount_key)
{
  g_auto(GStrv) pairs = g_strsplit (spec, ",", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (pairs[i], ":", 2);
      JsonObject *item;

      if (parts[0] == NULL || *parts[0] == '\0' || parts[1] == NULL)
        continue;

      item = json_object_new ();
      json_object_set_string_member (item, id_key, parts[0]);
      json_object_set_int_member (item, amount_key, g_ascii_strtoll (parts[1], NULL, 10));
      json_array_add_object_element (array, item);
    }

  return array;
}

static JsonObject *
country_object (AttSandboxCatalogue *catalogue,
                const char          *code)
{
  JsonObject *known = att_sandbox_catalogue_lookup_country (catalogue, code);
  JsonObject *country;

  if (known == NULL)
    return NULL;

  country = json_object_new ();
  json_object_set_string_member (country, "code", code);
  json_object_set_string_member (country, "name", att_sandbox_json_string (known, "name"));
  return country;
}

static void
set_countries (AttSandboxCatalogue *catalogue,
               JsonObject          *state,
               const char          *fabric,
               const char          *dyeing,
               const char          *assembly)
{
  const char *codes[] = { fabric, dyeing, assembly };
  const char *keys[] = { "frenchLabelFabricCountry", "frenchLabelDyeingCountry", "frenchLabelCountry" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JsonObject *country = codes[i] != NULL ? country_object (catalogue, codes[i]) : NULL;

      if (country != NULL)
        json_object_set_object_member (state, keys[i], country);
    }
}

static JsonArray *
make_purchase_orders (AttSandboxRng *rng,
                      guint64        id_high,
                      guint64        id_seed,
                      guint          count,
                      gint64         not_after_ms)
{
  JsonArray *orders = json_array_new ();

  for (guint i = 0; i < count; i++)
    {
      JsonObject      *po = json_object_new ();
      g_autofree char *id = att_sandbox_object_id_from (id_high, att_sandbox_mix64 (id_seed * 8 + i));
      gint64           date = not_after_ms - (gint64) att_sandbox_rng_range (rng, 10, 700) * DAY_MS;
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (date / 1000);
      g_autofree char *po_id = g_strdup_printf ("PO-%d-%05u", g_date_time_get_year (when),
                                                att_sandbox_rng_range (rng, 1, 99999));

      date -= date % DAY_MS;
      json_object_set_string_member (po, "_id", id);
      json_object_set_string_member (po, "purchaseOrderId", po_id);
      json_object_set_int_member (po, "purchaseDate", date);
      json_object_set_int_member (po, "amountPurchase", 50 * att_sandbox_rng_range (rng, 4, 240));

      if (att_sandbox_rng_range (rng, 0, 10) < 6)
        {
          JsonObject      *assembly = json_object_new ();
          g_autofree char *fem_id = att_sandbox_object_id_from (0x66656d00 + att_sandbox_rng_range (rng, 0, 256),
                                                                att_sandbox_rng_next (rng));

          json_object_set_string_member (assembly, "femId", fem_id);
          json_object_set_object_member (po, "assembly", assembly);
        }

      json_array_add_object_element (orders, po);
    }

  return orders;
}

/* Adds 70-90 % cutting efficiencies, which the demo table leaves out. */
static void
set_net_uses (JsonArray  *materials,
              const char *salt)
{
  for (guint i = 0; i < json_array_get_length (materials); i++)
    {
      JsonObject *material = att_sandbox_json_element_object (materials, i);
      const char *id = att_sandbox_json_string (material, "materialId");

      json_object_set_int_member (material, "netUse",
                                  70 + (gint64) (att_sandbox_hash_unit (salt, id) * 20));
    }
}

static JsonArray *
string_list (const char *spec)
{
  g_auto(GStrv) items = g_strsplit (spec, ",", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    if (*items[i] != '\0')
      json_array_add_string_element (array, items[i]);
  return array;
}

static gboolean
store_state (AttSandboxStore     *store,
             AttSandboxCatalogue *catalogue,
             JsonObject          *state,
             const char          *id,
             gint64               created_on,
             gint64               modified_on,
             GError             **error)
{
  AttSandboxRow row = { 0 };
  gboolean      ok;

  row.id = (char *) id;
  row.created_on = created_on;
  row.modified_on = modified_on;
  row.score_ready_at = modified_on;
  att_sandbox_product_fill_row (catalogue, state, &row);

  ok = att_sandbox_store_insert (store, &row, NULL, error);

  g_free (row.name);
  g_free (row.identifier);
  g_free (row.search_text);
  g_free (row.state);
  g_free (row.uses);
  return ok;
}

/* Demo ------------------------------------------------------------------------ */

/* What other seeds (the Product Module's, att-sandbox-certificate-seed.c)
 * take from the demo products, so that the two stay one catalogue. */

guint
att_sandbox_seed_demo_count (void)
{
  return G_N_ELEMENTS (demo_products);
}

const char *
att_sandbox_seed_demo_name (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (demo_products), NULL);

  return demo_products[index].name;
}

const char *
att_sandbox_seed_demo_category (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (demo_products), NULL);

  return demo_products[index].category;
}

/**
 * att_sandbox_seed_demo_gtin:
 *
 * Returns: (transfer full) (nullable): the GTIN-13 of demo product @index,
 *   or %NULL for the one in five identified by a SKU (its style number)
 */
char *
att_sandbox_seed_demo_gtin (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (demo_products), NULL);

  if (index % 5 == 3)
    return NULL;
  return att_sandbox_seed_gtin13 (G_GUINT64_CONSTANT (376012345) * 1000 + 100 + index);
}

/**
 * att_sandbox_seed_demo_style_number:
 *
 * Returns: (transfer full): the style number of demo product @index, e.g.
 *   `ATT-1004-AP` (`-HT` for home textiles)
 */
char *
att_sandbox_seed_demo_style_number (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (demo_products), NULL);

  return g_strdup_printf ("ATT-%04u-%s", 1001 + index,
                          g_str_has_prefix (demo_products[index].category, HG) ? "HT" : "AP");
}

static JsonObject *
demo_state (AttSandboxCatalogue *catalogue,
            const DemoProduct   *demo,
            guint                index,
            AttSandboxRng       *rng,
            gint64               modified_on)
{
  JsonObject *state = json_object_new ();
  JsonArray  *materials = parse_pairs (demo->materials, "materialId", "composition");
  g_auto(GStrv) countries = g_strsplit (demo->countries, ",", 3);
  g_autofree char *gtin = att_sandbox_seed_demo_gtin (index);

  json_object_set_string_member (state, "name", demo->name);
  json_object_set_int_member (state, "weight", demo->grams);
  json_object_set_string_member (state, "weightMeasureUnit", "grams");
  /* A few demo products show why a score is missing: weight not primary
   * data, or no dyeing country. */
  json_object_set_boolean_member (state, "weightIsPrimaryData", index % 11 != 7);
  json_object_set_boolean_member (state, "isMaterialWeight", FALSE);
  json_object_set_string_member (state, "categoryExpansionId", demo->category);
  json_object_set_string_member (state, "size", demo->size);

  if (gtin == NULL)
    {
      g_autofree char *sku = att_sandbox_seed_demo_style_number (index);

      json_object_set_string_member (state, "identifier", sku);
      json_object_set_string_member (state, "identifierType", "SKU");
    }
  else
    {
      json_object_set_string_member (state, "identifier", gtin);
      json_object_set_string_member (state, "identifierType", "GTIN");
    }

  set_net_uses (materials, demo->name);
  json_object_set_array_member (state, "materials", materials);
  json_object_set_array_member (state, "packaging", parse_pairs (demo->packaging, "packagingId", "amount"));
  json_object_set_array_member (state, "components", parse_pairs (demo->components, "componentId", "unit"));
  json_object_set_array_member (state, "tags", string_list (demo->tags));
  json_object_set_array_member (state, "purchaseOrder",
                                make_purchase_orders (rng, DEMO_ID_HIGH + 1, index + 1,
                                                      att_sandbox_rng_range (rng, 1, 4), modified_on));

  if (g_strv_length (countries) == 3)
    set_countries (catalogue, state, countries[0], index % 9 == 4 ? NULL : countries[1], countries[2]);

  if (index % 4 == 1)
    {
      JsonObject *optional = json_object_new ();

      json_object_set_string_member (optional, "business", "large-business-without-services");
      json_object_set_int_member (optional, "numberOfReferences", 1200);
      json_object_set_int_member (optional, "price", 15 + (gint64) (att_sandbox_hash_unit ("price", demo->name) * 120));
      json_object_set_boolean_member (optional, "upcycled", FALSE);
      json_object_set_object_member (state, "frenchLabelOptionalFields", optional);
    }

  json_object_set_int_member (state, "rev", 1 + index % 3);
  return state;
}

/**
 * att_sandbox_seed_demo_products:
 *
 * Adds the demo products; those already stored are left alone.
 */
gboolean
att_sandbox_seed_demo_products (AttSandboxStore     *store,
                                AttSandboxCatalogue *catalogue,
                                GError             **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (store), FALSE);
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (catalogue), FALSE);

  if (!att_sandbox_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_products); i++)
    {
      AttSandboxRng rng;
      g_autoptr(JsonObject) state = NULL;
      g_autofree char *id = att_sandbox_object_id_from (DEMO_ID_HIGH, att_sandbox_mix64 (i + 1));
      gint64           created_on = DEMO_EPOCH_MS + (gint64) i * 5 * DAY_MS + (gint64) (i * 7919 % 86400) * 1000;
      gint64           modified_on = created_on + (gint64) (i % 13) * DAY_MS + 3600 * 1000;

      att_sandbox_rng_init (&rng, G_GUINT64_CONSTANT (0xde30) + i);
      state = demo_state (catalogue, &demo_products[i], i, &rng, modified_on);

      if (!store_state (store, catalogue, state, id, created_on, modified_on, error))
        {
          att_sandbox_store_rollback (store);
          return FALSE;
        }
    }

  return att_sandbox_store_commit (store, error);
}

/* Generated ------------------------------------------------------------------- */

typedef struct
{
  const char *noun;
  const char *category;
  const char *size;
  guint       min_grams;
  guint       max_grams;
  guint       family;
  const char *packaging;
  const char *components;
} Template;

typedef struct
{
  const char *word;
  const char *material;
} Fabric;

enum { KNIT,
       WOVEN,
       DENIM,
       OUTER,
       WOOL,
       SHOE,
       HOME,
       N_FAMILIES };

/* The tables are laid out by hand, a row a line. */
/* clang-format off */
static const Fabric fabrics[N_FAMILIES][6] = {
  [KNIT] = { { "Organic Cotton", "MatTX0053" }, { "Cotton", "MatTX0051" }, { "Recycled Polyester", "MatTX0063" },
             { "Lyocell", "MatTX0099" }, { "Hemp", "MatTX0093" }, { "Modal", "MatTX0103" } },
  [WOVEN] = { { "Organic Cotton", "MatTX0052" }, { "Cotton", "MatTX0050" }, { "Linen", "MatTX0086" },
              { "Lyocell", "MatTX0098" }, { "Viscose", "MatTX0094" }, { "Hemp", "MatTX0090" } },
  [DENIM] = { { "Organic Denim", "MatTX0127" }, { "Denim", "MatTX0126" }, { "Recycled Denim", "MatTX0128" },
              { "Organic Denim", "MatTX0127" }, { "Denim", "MatTX0126" }, { "Canvas", "MatTX0129" } },
  [OUTER] = { { "Ripstop", "MatTX0139" }, { "Recycled Ripstop", "MatTX0140" }, { "3-Layer", "MatTX0141" },
              { "Recycled Fleece", "MatTX0134" }, { "Waxed Cotton", "MatTX0129" }, { "Wool", "MatTX0078" } },
  [WOOL] = { { "Merino", "MatTX0085" }, { "Wool", "MatTX0079" }, { "Recycled Wool", "MatTX0083" },
             { "Cashmere", "MatTX0115" }, { "Alpaca", "MatTX0113" }, { "Organic Wool", "MatTX0081" } },
  [SHOE] = { { "Leather", "MatLT0001" }, { "Suede", "MatLT0004" }, { "Canvas", "MatTX0129" },
             { "Recycled Mesh", "MatTX0136" }, { "Vegan Leather", "MatLT0012" }, { "Cork", "MatLT0017" } },
  [HOME] = { { "Organic Cotton", "MatTX0052" }, { "Linen", "MatTX0086" }, { "Cotton Sateen", "MatTX0050" },
             { "Terry", "MatTX0131" }, { "Organic Terry", "MatTX0132" }, { "Lyocell", "MatTX0098" } },
};

static const Template templates[] = {
  { "Crew Tee", AA "TopsBlouses-TShirts", "Adult", 140, 220, KNIT, "Pkg0002:1", "Cmp0032:1,Cmp0033:1" },
  { "Pocket Tee", AA "TopsBlouses-TShirts", "Adult", 150, 230, KNIT, "Pkg0002:1", "Cmp0032:1" },
  { "Kids' Tee", AA "TopsBlouses-TShirts", "Childrens/Youth", 80, 130, KNIT, "Pkg0004:1", "Cmp0034:1" },
  { "Tank Top", AA "TopsBlouses-TankTops", "Adult", 90, 140, KNIT, "Pkg0002:1", "Cmp0033:1" },
  { "Polo Shirt", AA "TopsBlouses-PoloShirts", "Adult", 200, 280, KNIT, "Pkg0002:1,Pkg0016:1", "Cmp0003:3" },
  { "Oxford Shirt", AA "TopsBlouses-ButtonFrontShirts", "Adult", 220, 320, WOVEN, "Pkg0001:1,Pkg0028:1", "Cmp0003:10" },
  { "Camp Shirt", AA "TopsBlouses-ButtonFrontShirts", "Adult", 200, 280, WOVEN, "Pkg0001:1", "Cmp0003:7" },
  { "Blouse", AA "TopsBlouses-Blouses", "Adult", 140, 220, WOVEN, "Pkg0004:1", "Cmp0003:6" },
  { "Pajama Top", AA "SleepwearLoungewear-PajamaTops", "Adult", 180, 260, WOVEN, "Pkg0007:1", "Cmp0003:5" },
  { "Pajama Bottoms", AA "SleepwearLoungewear-PajamaBottoms", "Adult", 200, 280, WOVEN, "Pkg0007:1", "Cmp0024:1" },
  { "Nightgown", AA "SleepwearLoungewear-Nightgowns", "Adult", 160, 240, KNIT, "Pkg0007:1", "" },
  { "Robe", AA "SleepwearLoungewear-Robes", "Adult", 700, 1100, HOME, "Pkg0007:1", "Cmp0023:1" },
  { "Crew Sweater", AA "SweatersKnitwear-Pullovers", "Adult", 280, 450, WOOL, "Pkg0007:1", "Cmp0032:1" },
  { "Cardigan", AA "SweatersKnitwear-Cardigans", "Adult", 320, 520, WOOL, "Pkg0007:1", "Cmp0003:6" },
  { "Hoodie", AA "SweatshirtsHoodies-Hoodies", "Adult", 420, 620, KNIT, "Pkg0002:1", "Cmp0023:1" },
  { "Kids' Hoodie", AA "SweatshirtsHoodies-Hoodies", "Childrens/Youth", 250, 360, KNIT, "Pkg0002:1", "Cmp0023:1" },
  { "Overcoat", AA "OuterwearCoatsJackets-Coats", "Adult", 1200, 1900, OUTER, "Pkg0022:1", "Cmp0003:6" },
  { "Rain Jacket", AA "OuterwearCoatsJackets-RainJackets", "Adult", 300, 480, OUTER, "Pkg0002:1", "Cmp0007:1,Cmp0022:2" },
  { "Puffer Jacket", AA "OuterwearCoatsJackets-DownJackets", "Adult", 450, 800, OUTER, "Pkg0002:1", "Cmp0007:1" },
  { "Blazer", AA "SuitsBlazers-Blazers", "Adult", 600, 950, WOVEN, "Pkg0022:1", "Cmp0004:4" },
  { "Slim Jeans", AA "Pants-Jeans", "Adult", 550, 750, DENIM, "Pkg0007:1", "Cmp0010:1,Cmp0011:6,Cmp0005:1" },
  { "Straight Jeans", AA "Pants-Jeans", "Adult", 600, 800, DENIM, "Pkg0007:1", "Cmp0010:1,Cmp0011:6,Cmp0005:1" },
  { "Chinos", AA "Pants-Trousers", "Adult", 450, 600, WOVEN, "Pkg0002:1", "Cmp0003:2,Cmp0006:1" },
  { "Leggings", AA "Pants-Leggings", "Adult", 180, 280, KNIT, "Pkg0002:1", "Cmp0025:1" },
  { "Shorts", AA "Shorts-Shorts", "Adult", 200, 340, WOVEN, "Pkg0002:1", "Cmp0024:1" },
  { "Midi Skirt", AA "SkirtsDresses-Skirts", "Adult", 250, 380, WOVEN, "Pkg0001:1", "Cmp0008:1" },
  { "Wrap Dress", AA "SkirtsDresses-Dresses", "Adult", 300, 420, WOVEN, "Pkg0004:1", "Cmp0032:1" },
  { "Jersey Dress", AA "SkirtsDresses-Dresses", "Adult", 260, 380, KNIT, "Pkg0004:1", "" },
  { "Socks", AA "UnderwearSocks-Socks", "Adult", 50, 110, KNIT, "Pkg0016:1", "" },
  { "Boxer Shorts", AA "UnderwearSocks-BoxerShorts", "Adult", 70, 110, WOVEN, "Pkg0013:1", "Cmp0024:1" },
  { "Briefs", AA "UnderwearSocks-Briefs", "Adult", 40, 80, KNIT, "Pkg0013:1", "Cmp0025:1" },
  { "Track Pants", AA "Activewear-TrackPants", "Adult", 300, 450, KNIT, "Pkg0002:1", "Cmp0024:1" },
  { "Scarf", AA "Accessories-Scarves", "Adult", 120, 260, WOOL, "Pkg0016:1", "" },
  { "Beanie", AA "Accessories-Beanies", "Adult", 60, 120, WOOL, "Pkg0016:1", "" },
  { "Sneakers", AA "Shoes-Sneakers", "Adult", 600, 950, SHOE, "Pkg0012:1", "Cmp0038:2,Cmp0047:2" },
  { "Running Shoes", AA "Shoes-RunningShoes", "Adult", 500, 700, SHOE, "Pkg0012:1", "Cmp0038:2,Cmp0045:2" },
  { "Ankle Boots", AA "Shoes-AnkleBoots", "Adult", 900, 1300, SHOE, "Pkg0012:1", "Cmp0050:2" },
  { "Loafers", AA "Shoes-Loafers", "Adult", 600, 850, SHOE, "Pkg0012:1", "Cmp0049:2" },
  { "Duvet Cover", HG "LinensBedding-DuvetCovers", "Double", 1000, 1900, HOME, "Pkg0007:1", "Cmp0003:8" },
  { "Fitted Sheet", HG "LinensBedding-BedSheets", "Queen", 700, 1100, HOME, "Pkg0007:1", "Cmp0024:1" },
  { "Pillowcase", HG "LinensBedding-Pillowcases", "Standard", 120, 200, HOME, "Pkg0004:1", "" },
  { "Bath Towel", HG "LinensBedding-BathTowels", "Bath Towel", 450, 750, HOME, "Pkg0007:1", "" },
  { "Tablecloth", HG "LinensBedding-Tablecloths", "Medium", 500, 1000, HOME, "Pkg0007:1", "" },
  { "Curtain", HG "Decor-Curtains", "Medium", 900, 1800, HOME, "Pkg0001:1", "" },
};

static const char * const colours[] = {
  "Navy", "Black", "White", "Oatmeal", "Olive", "Rust", "Sand", "Charcoal", "Sky Blue",
  "Forest Green", "Burgundy", "Ecru", "Stone", "Indigo", "Coral", "Mustard", "Slate",
  "Ivory", "Terracotta", "Sage",
};

static const char * const styles[] = {
  "Classic", "Everyday", "Relaxed", "Slim", "Essential", "Heritage", "Lightweight",
  "Heavyweight", "Vintage", "Modern", "Urban", "Coastal", "Alpine", "Studio", "Weekend",
  "Tailored", "Oversized", "Cropped", "Premium", "Utility", "Soft", "Boxy", "Fitted", "Washed",
};

static const char * const country_codes[] = {
  "BD", "KH", "CN", "FR", "IN", "MA", "MM", "PK", "TN", "TR", "VN",
};

static const char * const tag_words[] = {
  "basics", "ss25", "aw25", "core", "outlet", "online-only", "bestseller", "new",
};
/* clang-format on */

static JsonObject *
generated_state (AttSandboxCatalogue *catalogue,
                 AttSandboxRng       *rng,
                 guint32              seed,
                 guint                index,
                 gint64               modified_on)
{
  const Template *template = &templates[att_sandbox_rng_range (rng, 0, G_N_ELEMENTS (templates))];
  const Fabric    *fabric = &fabrics[template->family][att_sandbox_rng_range (rng, 0, 6)];
  const char      *colour = colours[att_sandbox_rng_range (rng, 0, G_N_ELEMENTS (colours))];
  const char      *style = styles[att_sandbox_rng_range (rng, 0, G_N_ELEMENTS (styles))];
  JsonObject      *state = json_object_new ();
  JsonArray       *materials = json_array_new ();
  JsonArray       *tags = json_array_new ();
  JsonObject      *material;
  g_autofree char *name = g_strdup_printf ("%s %s %s %s", colour, style, fabric->word, template->noun);
  const char      *second_id = NULL;
  guint            second_share = 0;
  guint            variant = att_sandbox_rng_range (rng, 0, 10);
  const char      *fabric_country = country_codes[att_sandbox_rng_range (rng, 0, G_N_ELEMENTS (country_codes))];
  const char      *assembly_country = country_codes[att_sandbox_rng_range (rng, 0, G_N_ELEMENTS (country_codes))];

  json_object_set_string_member (state, "name", name);
  json_object_set_int_member (state, "weight",
                              att_sandbox_rng_range (rng, template->min_grams, template->max_grams + 1));
  json_object_set_string_member (state, "weightMeasureUnit", "grams");
  json_object_set_boolean_member (state, "weightIsPrimaryData", variant != 0);
  json_object_set_boolean_member (state, "isMaterialWeight", FALSE);
  json_object_set_string_member (state, "categoryExpansionId", template->category);
  json_object_set_string_member (state, "size", template->size);

  if (variant < 7)
    {
      g_autofree char *gtin = att_sandbox_seed_gtin13 (G_GUINT64_CONSTANT (376000000000) +
                                                       (guint64) (seed % 1000) * 100000000 + index);

      json_object_set_string_member (state, "identifier", gtin);
      json_object_set_string_member (state, "identifierType", "GTIN");
    }
  else
    {
      g_autofree char *sku = g_strdup_printf ("GEN-%u-%07u", seed, index);

      json_object_set_string_member (state, "identifier", sku);
      json_object_set_string_member (state, "identifierType", "SKU");
    }

  /* Knits get some stretch, shoes a sole: a second material. */
  if (template->family == KNIT && variant % 2 == 0)
    {
      second_id = "MatTX0016";
      second_share = att_sandbox_rng_range (rng, 2, 13);
    }
  else if (template->family == SHOE)
    {
      second_id = variant % 2 == 0 ? "MatRB0001" : "MatRB0004";
      second_share = att_sandbox_rng_range (rng, 25, 50);
    }

  material = json_object_new ();
  json_object_set_string_member (material, "materialId", fabric->material);
  json_object_set_int_member (material, "netUse", att_sandbox_rng_range (rng, 68, 91));
  json_object_set_int_member (material, "composition", 100 - second_share);
  json_array_add_object_element (materials, material);

  if (second_id != NULL)
    {
      material = json_object_new ();
      json_object_set_string_member (material, "materialId", second_id);
      json_object_set_int_member (material, "netUse", 85);
      json_object_set_int_member (material, "composition", second_share);
      json_array_add_object_element (materials, material);
    }

  json_object_set_array_member (state, "materials", materials);
  json_object_set_array_member (state, "packaging", parse_pairs (template->packaging, "packagingId", "amount"));
  json_object_set_array_member (state, "components", parse_pairs (template->components, "componentId", "unit"));

  json_array_add_string_element (tags, tag_words[att_sandbox_rng_range (rng, 0, G_N_ELEMENTS (tag_words))]);
  json_object_set_array_member (state, "tags", tags);

  json_object_set_array_member (state, "purchaseOrder",
                                make_purchase_orders (rng, seed ^ 0x706f0000, ((guint64) seed << 32) | index,
                                                      att_sandbox_rng_range (rng, 0, 3), modified_on));

  set_countries (catalogue, state, fabric_country, variant == 9 ? NULL : fabric_country, assembly_country);
  json_object_set_int_member (state, "rev", 1);

  return state;
}

/**
 * att_sandbox_seed_generated_products:
 * @n: how many products to add
 * @seed: the same seed gives the same products and ids
 *
 * Adds @n products in one transaction.  Products whose id exists already
 * (the same seed and index) are skipped.
 */
gboolean
att_sandbox_seed_generated_products (AttSandboxStore     *store,
                                     AttSandboxCatalogue *catalogue,
                                     guint                n,
                                     guint32              seed,
                                     GError             **error)
{
  g_return_val_if_fail (ATT_IS_SANDBOX_STORE (store), FALSE);
  g_return_val_if_fail (ATT_IS_SANDBOX_CATALOGUE (catalogue), FALSE);

  if (!att_sandbox_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      AttSandboxRng rng;
      g_autoptr(JsonObject) state = NULL;
      g_autofree char *id = NULL;
      gint64           created_on, modified_on;

      att_sandbox_rng_init (&rng, ((guint64) seed << 32) ^ (guint64) i ^ G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
      id = att_sandbox_object_id_from (seed, att_sandbox_mix64 (((guint64) seed << 32) | i));
      created_on = GENERATED_EPOCH_MS + (gint64) att_sandbox_rng_range (&rng, 0, 900) * DAY_MS +
                   (gint64) att_sandbox_rng_range (&rng, 0, 86400) * 1000;
      modified_on = created_on + (gint64) att_sandbox_rng_range (&rng, 0, 60) * DAY_MS;
      state = generated_state (catalogue, &rng, seed, i, modified_on);

      if (!store_state (store, catalogue, state, id, created_on, modified_on, error))
        {
          att_sandbox_store_rollback (store);
          return FALSE;
        }
    }

  return att_sandbox_store_commit (store, error);
}
