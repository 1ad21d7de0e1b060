"""Sentence templates for the PII NER corpus.

Slots in braces are filled from Faker (see ner_corpus.SLOTS). Literal spans written as
[text](LABEL) carry a fixed label; [text](O) marks a deliberate hard negative, e.g. a
capitalised word that looks like a name or a place but is not one here.

TRAIN and HELDOUT templates are disjoint, so the held-back split measures generalisation to
unseen wording, not recall of memorised sentences.
"""

# Genre -> templates. Both splits share genres but never a template.
TRAIN = {
    "form": [
        "Name: {PER}\nAddress: {ADDR_FULL}\nPhone: {PHONE}\nEmail: {EMAIL}",
        "Full name: {PER} | Employer: {ORG} | City: {CITY}",
        "Shipping address\n{PER}\n{ADDR_FULL}\n{COUNTRY}",
        "First name: {PER_FIRST}  Last name: {PER_LAST}  Date of birth: {DATE}  ID number: {ID}",
        "Billing details - {PER}, {ADDR}, {POSTCODE} {CITY}, {COUNTRY}. Card ending {NUM4}.",
        "Applicant: {PER}; current employer: {ORG}; place of birth: {CITY}, {REGION}",
        "Delivery to: {ADDR_FULL} (attn. {PER}, tel. {PHONE})",
        "Emergency contact: {PER} ({RELATION}), {PHONE}, living in {CITY}",
    ],
    "chat": [
        "hey it's {PER_FIRST}, i'm at {ADDR} now, come over",
        "lol {PER_FIRST} just moved to {CITY} for a job at {ORG}",
        "can u send the package to {ADDR_FULL}? thx",
        "my new number is {PHONE}, tell {PER_FIRST} pls",
        "{PER_FIRST}: are we still meeting in {CITY} on {WEEKDAY}?",
        "omg {PER} from {ORG} replied to my email!!",
        "I'm flying to {COUNTRY} next week, staying with {PER_FIRST} in {CITY}",
        "ok so {PER_FIRST} said the party is at {ADDR}, bring snacks",
    ],
    "email": [
        "Dear {PER},\n\nThank you for your order. It will ship to {ADDR_FULL} within 3 days.\n\nBest regards,\n{PER2}\n{ORG}",
        "Hi {PER_FIRST},\nplease call me back at {PHONE}. I'm at the {CITY} office until {WEEKDAY}.\nCheers, {PER2_FIRST}",
        "From: {PER} <{EMAIL}>\nTo: {PER2} <{EMAIL2}>\nSubject: Contract with {ORG}",
        "Dear Mr. {PER_LAST}, your appointment at our {CITY} branch is confirmed for {DATE}.",
        "Hello, I am writing on behalf of {ORG} regarding the invoice sent to {ADDR_FULL}.",
        "Kind regards,\n{PER}\nHead of Sales, {ORG}\n{ADDR_FULL}\nTel: {PHONE}",
    ],
    "web": [
        "Contact us: {ORG}, {ADDR_FULL}. Phone {PHONE}. Email {EMAIL}.",
        "About the author: {PER} lives in {CITY}, {COUNTRY} and writes about {TOPIC}.",
        "Posted by {PER} on {DATE} · {NUM} comments",
        "Our offices: {CITY} · {CITY2} · {CITY3}",
        "Imprint - {ORG}, represented by {PER}, {ADDR_FULL}, VAT ID {ID}",
        "{PER} ({CITY}) rated this product 4 out of 5 stars.",
        "Store locator: {ORG} {CITY} - {ADDR}, open Mon-Sat 9-18.",
    ],
    "bio": [
        "{PER} was born in {CITY}, {COUNTRY}, and studied law before joining {ORG}.",
        "Born in {CITY} in {YEAR}, {PER} moved to {CITY2} where she founded {ORG}.",
        "{PER} is a software engineer at {ORG}. Previously he worked in {CITY} for {ORG2}.",
        "After twenty years at {ORG}, {PER} retired to a small house at {ADDR} in {CITY}.",
        "{PER} grew up in {REGION} and now teaches music in {CITY}.",
    ],
    "review": [
        "Stayed at the hotel on {ADDR} in {CITY}. The manager, {PER}, was super helpful!",
        "Terrible service from {ORG}. I called {PHONE} three times and nobody answered.",
        "Our guide {PER_FIRST} showed us the best of {CITY}. Highly recommend {ORG}!",
        "Ordered from {ORG}, delivered to {ADDR_FULL} in two days. Five stars.",
        "The dentist, Dr. {PER_LAST}, in {CITY} was gentle and professional.",
    ],
    "news": [
        "{CITY} ({AGENCY}) - {ORG} announced on {WEEKDAY} that {PER} will become its new chief executive.",
        "Police in {CITY} are searching for {PER}, 34, last seen near {ADDR}.",
        "{PER}, a spokesperson for {ORG}, said the plant in {REGION} would close by {YEAR}.",
        "Shares of {ORG} rose 4% after the company opened a new office in {CITY}, {COUNTRY}.",
        "The mayor of {CITY}, {PER}, met representatives of {ORG} and {ORG2} on {WEEKDAY}.",
        "Flooding hit {REGION} overnight; residents of {CITY} were told to leave.",
    ],
}

HELDOUT = {
    "form": [
        "Customer: {PER}\nStreet: {ADDR}\nPostcode/City: {POSTCODE} {CITY}\nCountry: {COUNTRY}",
        "Patient name {PER} - insurer {ORG} - member no. {ID}",
        "Ship to >> {PER}, {ADDR_FULL}",
    ],
    "chat": [
        "yo {PER_FIRST} where r u? i'm outside {ADDR}",
        "{PER_FIRST} says hi from {CITY}! she started at {ORG} today",
        "text {PER} at {PHONE} if you get lost in {CITY}",
    ],
    "email": [
        "Good morning {PER},\nyour parcel could not be delivered to {ADDR_FULL}. Please contact {ORG} customer care.\nRegards",
        "Hi team, {PER} from our {CITY} office will join {ORG} next month. - {PER2_FIRST}",
        "Sincerely,\n{PER}\n{ORG}\n{ADDR_FULL}",
    ],
    "web": [
        "Location: {ADDR_FULL} | Call {PHONE} | {ORG}",
        "Written by {PER}, a freelance journalist based in {CITY}.",
        "Team: {PER} (CEO), {PER2} (CTO). Headquarters in {CITY}, {COUNTRY}.",
    ],
    "bio": [
        "Originally from {CITY}, {PER} spent a decade at {ORG} before moving to {COUNTRY}.",
        "{PER} (born {YEAR} in {CITY}) is a painter who lives at {ADDR}.",
    ],
    "review": [
        "Great pizza at {ORG} on {ADDR}! Ask for {PER_FIRST}, the best waiter in {CITY}.",
        "Avoid {ORG} in {CITY}. Their agent {PER} never returned my deposit.",
    ],
    "news": [
        "{PER} has been appointed director of {ORG}, the company said in {CITY} on {WEEKDAY}.",
        "A fire broke out at a warehouse on {ADDR} in {CITY}, {REGION}, firefighters said.",
        "Talks between {ORG} and officials from {COUNTRY} ended without agreement, {PER} told reporters.",
    ],
}

# Hard negatives (and look-alike positives), written with inline labels.
HARD_TRAIN = [
    "I had a slice of Apple pie and a coffee.",
    "[Paris Hilton](PER) arrived in [Paris](LOC) on Friday.",
    "New Jordan shoes drop in May for $180.",
    "[Michael Jordan](PER) visited [Amman](LOC), the capital of [Jordan](LOC).",
    "The Windows update broke my printer again.",
    "Happy New Year To Everyone From All Of Us!",
    "Click Here To Download The Free Guide",
    "Add two cups of Brussels sprouts and some French mustard.",
    "We adopted a Boston terrier called Biscuit.",
    "Mark as read, then Archive the thread.",
    "Will you bring the Turkish delight to the party?",
    "Terms And Conditions Apply. Offer Valid Until Sunday.",
    "Best Summer Salads For Busy Families",
    "Rose petals and Victoria sponge cake for the wedding.",
    "Frank feedback helps us grow.",
    "The Golden Retriever puppy loves Swiss cheese.",
    "Grant access to the shared folder?",
    "Get a Big Mac and a Coca-Cola for five dollars.",
    "[Jack Turner](PER) said he would jack up the price by May.",
    "The Amazon Echo is on sale this Black Friday.",
    "She ordered a Long Island iced tea.",
    "My Chromebook keeps asking for the Wi-Fi password.",
    "Reply All considered harmful.",
    "Next Monday is a Bank Holiday.",
    "[Washington](LOC) is not named after a bank.",
    "[Georgia](PER) flew from [Atlanta](LOC) to [Tbilisi](LOC).",
    "Chicken Kiev with mashed potatoes, please.",
    "The Hamburger stand near the beach is closed.",
    "Lincoln Logs were my favourite toy.",
    "[Lincoln](LOC) is a city in [England](LOC) and in [Nebraska](LOC).",
    "Sign up for Premium and get Unlimited Storage.",
    "Hope you are well and Merry Christmas!",
    "Santa Claus is coming to town.",
    "The Mercedes I rented had a flat tyre.",
    "China plates and Turkish towels on sale.",
    "I met [Florence](PER) in [Florence](LOC) last April.",
    "Dear Customer, Your Account Has Been Updated.",
    "Read our Privacy Policy and Cookie Settings.",
    "Level Up Your Cooking With These Ten Tricks",
    "Shop Now: Summer Sale Up To 50% Off",
    # Generated look-alikes: prices, codes, acronyms, products, cuisines, units, config names.
    "Total: {PRICE} (incl. VAT). Item {CODE}, qty {NUM}.",
    "Boarding at {GATE}, {DAYDATE} 14:05. Please have your passport ready.",
    "Please enter your {ACRONYM} and {ACRONYM2} below.",
    "Works on {SOFTWARE} and {SOFTWARE2}. Rated {NUM} out of 5.",
    "We tried the {DISH} and the {DISH2} at a {DEMONYM} place downtown.",
    "The {DEMONYM} team won; commentary was in {LANG}.",
    "Set {CONST} in your .env file before running the script.",
    "Use code {PROMO} at checkout to save on your first order.",
    "Pressure {UNIT}, wind {UNIT2}, feels colder than it is.",
    "Order {CODE} shipped {DAYDATE}; total {PRICE}.",
    "Download for {SOFTWARE}: version {NUM}.{NUM2}",
    "Field required: {ACRONYM}. Read the FAQ for help.",
    "{DEMONYM} {DISH} Recipe: Easy Weeknight Version",
    "Meet us at {GATE} after the keynote, {DAYDATE}.",
    "{PER_FIRST} paid {PRICE} for order {CODE} on {DAYDATE}.",
    "Invoice {CODE} for {ORG}, due {DAYDATE}: {PRICE}.",
    "{PER_FIRST} recommends the {DEMONYM} {DISH} at {ORG}.",
]

HARD_HELDOUT = [
    "[Paris](LOC) is lovely in May, said [Paris Jackson](PER).",
    "Buy two Jordan sneakers, get a Nike cap free.",
    "Grandma's Apple crumble recipe never fails.",
    "Sign In To Continue Shopping",
    "[Chelsea](PER) moved from [Chelsea](LOC) to [Denver](LOC).",
    "French toast with Canadian maple syrup.",
    "Will the Bill pass the Senate in June?",
    "Welcome Back! Your Cart Is Waiting.",
    "A Danish pastry and an Irish coffee, please.",
    "Don't forget Mother's Day this Sunday.",
    "Subtotal {PRICE}, shipping free. Ref {CODE}.",
    "Your flight leaves from {GATE} on {DAYDATE}.",
    "{ACRONYM} check pending for {PER}.",
    "Compatible with {SOFTWARE}. {DEMONYM} and {LANG} subtitles included.",
    "Craving {DISH} tonight? Try our {DEMONYM} menu.",
    "Export {CONST} and restart the server.",
    "Humidity {UNIT}; code {PROMO} valid until {DAYDATE}.",
]

# Texts with no PII at all.
NO_PII_TRAIN = [
    "Preheat the oven to 180 degrees and grease a baking tin.",
    "The update improves battery life and fixes several bugs.",
    "How many calories are in a banana?",
    "Top 10 productivity tips for remote workers",
    "The meeting was moved to next week because of the holidays.",
    "Water boils at 100 degrees Celsius at sea level.",
    "This jacket is warm, light and fully waterproof.",
    "Please rate your experience from 1 to 5.",
    "Loading comments...",
    "Free shipping on orders over 50 euros.",
    "Our support team usually replies within 24 hours.",
    "The results will be published at the end of the month.",
    "Scroll down to see more products like this one.",
    "It rained all afternoon, so we stayed inside and played cards.",
    "Subscribe to our newsletter for weekly deals.",
    "The film runs for two hours and ten minutes.",
]

NO_PII_HELDOUT = [
    "Cookies help us deliver our services.",
    "The recipe serves four and takes thirty minutes.",
    "Your session has expired, please log in again.",
    "Temperatures will drop sharply overnight.",
]
