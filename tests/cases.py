"""Short trip snippets written for the tests (facts only, our own wording), reused by name."""

NO_PLACES = "The committee met on Tuesday and agreed to publish its report next month."
RELATIVE = "The convoy stopped about 40 km north of Kharkiv before turning back."
PAST_TRIP = "The minister last visited Hanoi in 2019, and flew to Jakarta on Monday."
DATELINE = "TOKYO, March 3 (Kyodo) -- The delegation left Osaka for Nagoya by train."
PEOPLE = ("President Vladimir Putin met Kim Jong-un. Later Kim thanked Putin, said spokesman "
          "Matthew Miller of the U.S. State Department.")
EMBEDDED = "Officers from the Paris Police and the Ohio Department of Transportation met in Dayton."
DESCRIPTOR = "He arrived in the Russian border city of Khasan, then went on to the Amur region."
CONTAINER = "The fire in Alexandria, La., spread to Rapides Parish."
HEADS = "The train crossed the Razdolnaya River near Ussuriysk in Primorsky Krai."
