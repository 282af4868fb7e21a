package io.ticketing.catalog.demo;

import java.time.LocalDate;
import java.util.List;

import io.ticketing.catalog.movie.Movie;

/**
 * Thirty well-known films from several countries and languages, with their real running times and release
 * dates, so that browsing and search (including typos such as "Incepton") have something true to find.
 * Ids depend only on title and year; the generator reuses these movies.
 */
final class DemoMovies {

    static final List<Movie> ALL = List.of(
            movie("Inception", 2010, 7, 16, 148, "Science Fiction", "English", "US", "PG-13",
                    "A thief who steals secrets from inside dreams is offered a way home if he can do the opposite: "
                            + "plant an idea in a rich heir's mind, three dreams deep.",
                    "Leonardo DiCaprio", "Joseph Gordon-Levitt", "Elliot Page", "Tom Hardy"),
            movie("The Dark Knight", 2008, 7, 18, 152, "Action", "English", "US", "PG-13",
                    "Batman, a police lieutenant and a new district attorney close in on Gotham's mobs, until a "
                            + "grinning anarchist offers the city a choice between chaos and its own conscience.",
                    "Christian Bale", "Heath Ledger", "Aaron Eckhart", "Gary Oldman"),
            movie("Interstellar", 2014, 11, 7, 169, "Science Fiction", "English", "US", "PG-13",
                    "With crops failing on Earth, a former pilot leaves his children behind to cross a wormhole "
                            + "in search of a new home, while time runs differently for those who stayed.",
                    "Matthew McConaughey", "Anne Hathaway", "Jessica Chastain", "Michael Caine"),
            movie("The Matrix", 1999, 3, 31, 136, "Science Fiction", "English", "US", "R",
                    "A programmer who moonlights as a hacker learns that the world he knows is a simulation, and "
                            + "that he may be the one to free the people sleeping inside it.",
                    "Keanu Reeves", "Laurence Fishburne", "Carrie-Anne Moss", "Hugo Weaving"),
            movie("Parasite", 2019, 5, 30, 132, "Thriller", "Korean", "KR", "R",
                    "One by one, the members of a poor family talk their way into jobs with a wealthy household, "
                            + "until the house turns out to hold a secret of its own.",
                    "Song Kang-ho", "Lee Sun-kyun", "Cho Yeo-jeong", "Choi Woo-shik"),
            movie("Spirited Away", 2001, 7, 20, 125, "Animation", "Japanese", "JP", "PG",
                    "A sullen ten-year-old stumbles into a bathhouse for spirits and must work there to free her "
                            + "parents, who have been turned into pigs.",
                    "Rumi Hiiragi", "Miyu Irino", "Mari Natsuki"),
            movie("Amélie", 2001, 4, 25, 122, "Comedy", "French", "FR", "R",
                    "A shy waitress in Montmartre secretly rearranges the lives of the people around her, and "
                            + "nearly forgets to look after her own.",
                    "Audrey Tautou", "Mathieu Kassovitz", "Rufus"),
            movie("Pan's Labyrinth", 2006, 10, 11, 118, "Fantasy", "Spanish", "MX", "R",
                    "In Spain in 1944, the stepdaughter of a brutal army captain escapes into an overgrown "
                            + "labyrinth, where a faun sets her three tasks.",
                    "Ivana Baquero", "Sergi López", "Maribel Verdú", "Doug Jones"),
            movie("Dangal", 2016, 12, 23, 161, "Drama", "Hindi", "IN", "U",
                    "A former wrestler who never won gold trains his two daughters in the village mud pit, "
                            + "against everyone's advice, to win it for him.",
                    "Aamir Khan", "Fatima Sana Shaikh", "Sanya Malhotra", "Sakshi Tanwar"),
            movie("RRR", 2022, 3, 25, 182, "Action", "Telugu", "IN", "UA",
                    "In 1920s India, a tribal guardian on a rescue mission and a policeman serving the Raj become "
                            + "friends without knowing they stand on opposite sides.",
                    "N. T. Rama Rao Jr.", "Ram Charan", "Alia Bhatt", "Ajay Devgn"),
            movie("The Lord of the Rings: The Fellowship of the Ring", 2001, 12, 19, 178, "Fantasy", "English",
                    "NZ", "PG-13",
                    "A hobbit inherits a ring of terrible power and sets out with eight companions to destroy it "
                            + "in the fire where it was made.",
                    "Elijah Wood", "Ian McKellen", "Viggo Mortensen", "Sean Astin"),
            movie("Pulp Fiction", 1994, 10, 14, 154, "Crime", "English", "US", "R",
                    "Two hitmen, a boxer who will not throw a fight and a gangster's wife cross paths across "
                            + "Los Angeles, told out of order.",
                    "John Travolta", "Samuel L. Jackson", "Uma Thurman", "Bruce Willis"),
            movie("The Godfather", 1972, 3, 24, 175, "Crime", "English", "US", "R",
                    "The youngest son of a New York crime family wants no part of the business, until an attempt "
                            + "on his father's life draws him in.",
                    "Marlon Brando", "Al Pacino", "James Caan", "Diane Keaton"),
            movie("Spider-Man: Into the Spider-Verse", 2018, 12, 14, 117, "Animation", "English", "US", "PG",
                    "Brooklyn teenager Miles Morales gets bitten, gains powers and meets spider-people from other "
                            + "dimensions who need his help to get home.",
                    "Shameik Moore", "Hailee Steinfeld", "Mahershala Ali", "Jake Johnson"),
            movie("Mad Max: Fury Road", 2015, 5, 15, 120, "Action", "English", "AU", "R",
                    "In a desert wasteland, a road warrior and a rebel commander flee a warlord in an armoured "
                            + "tanker, carrying the women he held captive.",
                    "Tom Hardy", "Charlize Theron", "Nicholas Hoult"),
            movie("La La Land", 2016, 12, 9, 128, "Musical", "English", "US", "PG-13",
                    "A jazz pianist and an aspiring actress fall in love in Los Angeles while each chases a dream "
                            + "that may not leave room for the other.",
                    "Ryan Gosling", "Emma Stone", "John Legend"),
            movie("Dune", 2021, 10, 22, 155, "Science Fiction", "English", "US", "PG-13",
                    "The heir of a noble house is sent to the desert planet that produces the most precious "
                            + "substance in the universe, and into a trap.",
                    "Timothée Chalamet", "Rebecca Ferguson", "Oscar Isaac", "Zendaya"),
            movie("Oppenheimer", 2023, 7, 21, 180, "Drama", "English", "US", "R",
                    "The physicist who led the building of the atomic bomb, from the desert test site to the "
                            + "security hearing that turned on him.",
                    "Cillian Murphy", "Emily Blunt", "Matt Damon", "Robert Downey Jr."),
            movie("Barbie", 2023, 7, 21, 114, "Comedy", "English", "US", "PG-13",
                    "A doll starts to have very human thoughts and leaves her perfect pink world for the real one, "
                            + "with Ken in tow.",
                    "Margot Robbie", "Ryan Gosling", "America Ferrera"),
            movie("Everything Everywhere All at Once", 2022, 3, 25, 139, "Science Fiction", "English", "US", "R",
                    "A laundromat owner in the middle of a tax audit discovers she can borrow the skills of her "
                            + "selves in other universes, and must use them to save all of them.",
                    "Michelle Yeoh", "Ke Huy Quan", "Stephanie Hsu", "Jamie Lee Curtis"),
            movie("Toy Story", 1995, 11, 22, 81, "Animation", "English", "US", "G",
                    "A cowboy doll's place as his boy's favourite toy is threatened by a new space ranger who does "
                            + "not know he is a toy.",
                    "Tom Hanks", "Tim Allen", "Don Rickles"),
            movie("The Lion King", 1994, 6, 24, 88, "Animation", "English", "US", "G",
                    "A lion cub blamed for his father's death runs into exile and must return to face his uncle "
                            + "and claim his place.",
                    "Matthew Broderick", "James Earl Jones", "Jeremy Irons"),
            movie("Jurassic Park", 1993, 6, 11, 127, "Adventure", "English", "US", "PG-13",
                    "A theme park of cloned dinosaurs gets its first visitors on the weekend its security fails.",
                    "Sam Neill", "Laura Dern", "Jeff Goldblum", "Richard Attenborough"),
            movie("Back to the Future", 1985, 7, 3, 116, "Science Fiction", "English", "US", "PG",
                    "A teenager accidentally travels thirty years back in a time-machine car and has to make sure "
                            + "his parents still fall in love.",
                    "Michael J. Fox", "Christopher Lloyd", "Lea Thompson"),
            movie("Gladiator", 2000, 5, 5, 155, "Action", "English", "US", "R",
                    "A Roman general betrayed by the emperor's son is sold into slavery and fights his way back to "
                            + "Rome as a gladiator.",
                    "Russell Crowe", "Joaquin Phoenix", "Connie Nielsen"),
            movie("Titanic", 1997, 12, 19, 194, "Romance", "English", "US", "PG-13",
                    "A young woman engaged to a wealthy man falls for a penniless artist aboard the ship that was "
                            + "said to be unsinkable.",
                    "Leonardo DiCaprio", "Kate Winslet", "Billy Zane"),
            movie("Your Name.", 2016, 8, 26, 106, "Animation", "Japanese", "JP", "PG",
                    "A schoolgirl in the mountains and a schoolboy in Tokyo start waking up in each other's bodies, "
                            + "and then it suddenly stops.",
                    "Ryunosuke Kamiki", "Mone Kamishiraishi"),
            movie("The Intouchables", 2011, 11, 2, 112, "Comedy", "French", "FR", "R",
                    "A rich Parisian paralysed in an accident hires a young man from the suburbs with no "
                            + "experience as his carer, and gets a friend.",
                    "François Cluzet", "Omar Sy"),
            movie("Good Bye, Lenin!", 2003, 2, 13, 121, "Comedy", "German", "DE", "R",
                    "When his mother wakes from a coma after the Berlin Wall has fallen, a son keeps East Germany "
                            + "alive in her flat to spare her the shock.",
                    "Daniel Brühl", "Katrin Saß", "Chulpan Khamatova"),
            movie("Top Gun: Maverick", 2022, 5, 27, 131, "Action", "English", "US", "PG-13",
                    "After thirty years as a navy test pilot, Maverick returns to train a team of young aviators "
                            + "for a mission few of them are expected to survive.",
                    "Tom Cruise", "Miles Teller", "Jennifer Connelly"));

    private DemoMovies() {
    }

    private static Movie movie(String title, int year, int month, int day, int minutes, String genre, String language,
            String country, String rating, String description, String... cast) {
        return new Movie(StableIds.of("movie", title, year), title, description, minutes, genre, language,
                LocalDate.of(year, month, day), country, rating, List.of(cast));
    }
}
