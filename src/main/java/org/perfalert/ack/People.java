package org.perfalert.ack;

import org.perfalert.config.Person;

import java.util.List;
import java.util.Optional;

/** Who an address is in people.yaml: the person holding a role, else an analyst (named by the address). */
final class People {
    private People() { }

    /** The person with the address, if people.yaml names it (a role holder or an analyst). */
    static Optional<Person> find(org.perfalert.config.People people, String address) {
        if (address == null) return Optional.empty();
        Optional<Person> holder = people.roles().values().stream().flatMap(List::stream)
                .filter(p -> p.email().equalsIgnoreCase(address)).findFirst();
        if (holder.isPresent()) return holder;
        return people.analysts().stream().filter(a -> a.equalsIgnoreCase(address)).findFirst().map(a -> new Person(a, a));
    }
}
