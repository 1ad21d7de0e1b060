"""Held-out texts for checking the embedding export: varied sentences and paraphrase pairs."""
import random

from faker import Faker
from freezegun import freeze_time

from .ner_corpus import CORPUS_CLOCK

HANDWRITTEN = [
    "The quarterly report shows revenue grew by twelve percent.",
    "How do I reset my router password?",
    "Best hiking trails near the coast for beginners",
    "She adopted a rescue dog from the local shelter last spring.",
    "Preheat the oven to 200 degrees and bake for 25 minutes.",
    "The central bank raised interest rates again this morning.",
    "Error: cannot read property 'length' of undefined",
    "Our team won the regional football championship.",
    "Cheap flights from Berlin to Lisbon in October",
    "The museum's new exhibition explores medieval manuscripts.",
    "Photosynthesis converts light energy into chemical energy.",
    "I can't believe the season finale ended like that!",
    "Install the package with npm and restart the dev server.",
    "The patient reported mild headaches and fatigue.",
    "Vote for the new bike lanes at the council meeting on Tuesday.",
    "This laptop's battery barely lasts three hours.",
    "A quick guide to growing tomatoes on a balcony.",
    "The court ruled that the contract was void.",
    "Stock markets fell sharply after the announcement.",
    "Meet me at the cafe around the corner at noon.",
    "Quantum computers use qubits that can be in superposition.",
    "The recipe calls for two cups of flour and a pinch of salt.",
    "Please find the attached invoice for last month's services.",
    "The hotel room was clean but the wifi kept dropping.",
    "Scientists discovered a new species of frog in the rainforest.",
    "Remember to water the plants while I'm away.",
    "The train was delayed by forty minutes due to signal failure.",
    "He practices piano for an hour every evening.",
    "What is the difference between a virus and a bacterium?",
    "Update your browser to get the latest security fixes.",
    "The documentary follows a family of elephants across the savanna.",
    "Our startup is hiring a senior backend engineer.",
    "The river flooded several villages after days of heavy rain.",
    "I ordered a medium pizza with mushrooms and olives.",
    "Protect your privacy by reviewing app permissions regularly.",
    "The novel is set in a small fishing town in the 1950s.",
    "Traffic is heavy on the highway this morning.",
    "The concert was sold out within minutes.",
    "Use a strong, unique password for every account.",
    "Children learn languages faster than adults.",
]

# (anchor, paraphrase): each pair shares meaning and little wording with the other pairs.
PARAPHRASES = [
    ("How can I change my account password?", "What are the steps to update the password on my account?"),
    ("The weather is lovely today.", "It's a really nice day outside."),
    ("He bought a new car last week.", "Last week he purchased a new automobile."),
    ("The meeting has been moved to Friday.", "We rescheduled the meeting for Friday."),
    ("I'm feeling very tired after work.", "After my job I am completely exhausted."),
    ("The restaurant serves excellent seafood.", "That place has great fish and shellfish dishes."),
    ("Where is the nearest train station?", "How do I get to the closest railway station?"),
    ("The company reported record profits.", "The firm announced its highest earnings ever."),
    ("She is learning to play the guitar.", "She's taking guitar lessons."),
    ("The flight was cancelled because of the storm.", "Bad weather led to the cancellation of the flight."),
    ("This phone has an amazing camera.", "The camera on this smartphone is excellent."),
    ("Drink plenty of water when it is hot.", "Stay hydrated during hot weather."),
    ("The kids are playing in the garden.", "The children are outside playing in the yard."),
    ("My laptop won't turn on.", "My notebook computer does not start."),
    ("The book was better than the movie.", "I preferred the novel to its film adaptation."),
    ("Prices have gone up a lot this year.", "Inflation has been high this year."),
    ("Please close the door behind you.", "Shut the door when you leave, please."),
    ("He runs five kilometres every morning.", "Each morning he goes for a 5 km jog."),
    ("The store opens at nine.", "The shop starts business at 9 am."),
    ("I lost my keys somewhere in the house.", "My keys are missing somewhere at home."),
    ("The movie made me cry.", "That film brought me to tears."),
    ("Vaccines help prevent serious illness.", "Getting vaccinated protects you from severe disease."),
    ("The printer is out of ink.", "The printer's cartridge is empty."),
    ("We are going on vacation to the mountains.", "Our holiday will be in the mountains."),
    ("The software update fixed the bug.", "The latest patch resolved the issue."),
    ("Can you recommend a good dentist?", "Do you know a dentist you would suggest?"),
    ("The baby is sleeping peacefully.", "The infant is fast asleep."),
    ("He apologized for being late.", "He said sorry for arriving late."),
    ("The team lost the final match.", "They were defeated in the championship game."),
    ("Turn left at the next traffic light.", "At the upcoming signal, make a left turn."),
]

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE"]


@freeze_time(CORPUS_CLOCK)
def _faker_sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    fakers = {loc: Faker(loc) for loc in LOCALES}
    for index, fake in enumerate(fakers.values()):
        fake.seed_instance(seed + index)
    shapes = [
        lambda f: f"{f.name()} wrote to {f.company()} about the order.",
        lambda f: f"Send the parcel to {f.address().replace(chr(10), ', ')}.",
        lambda f: f"Contact {f.first_name()} at {f.email()} or {f.phone_number()}.",
        lambda f: f.sentence(nb_words=rng.randint(6, 16)),
        lambda f: f.paragraph(nb_sentences=2),
        lambda f: f"{f.catch_phrase()} - {f.company()}",
        lambda f: f"Job opening: {f.job()} in {f.city()}.",
    ]
    return [rng.choice(shapes)(fakers[rng.choice(LOCALES)]) for _ in range(count)]


def parity_sentences(seed: int = 7) -> list[str]:
    """A few hundred varied texts: handwritten, paraphrase sides, Faker-built multilingual ones."""
    pairs = [text for pair in PARAPHRASES for text in pair]
    return HANDWRITTEN + pairs + _faker_sentences(200, seed)
