package org.casie.examples;

import org.casie.corpus.ArgumentMention;
import org.casie.corpus.Document;
import org.casie.corpus.EventMention;
import org.casie.corpus.Role;
import org.casie.corpus.Subtype;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Which roles each subtype takes, learned from training data; decoding never emits any other pair. */
public final class RoleConstraints {

    private final Map<Subtype, Set<Role>> allowed;

    public RoleConstraints(Map<Subtype, Set<Role>> allowed) {
        this.allowed = new EnumMap<>(Subtype.class);
        for (Subtype s : Subtype.values()) {
            Set<Role> roles = allowed.get(s);
            this.allowed.put(s, roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
        }
    }

    /** Roles seen at least {@code minCount} times with each subtype. */
    public static RoleConstraints learn(List<Document> training, int minCount) {
        Map<Subtype, Map<Role, Integer>> counts = new EnumMap<>(Subtype.class);
        for (Document d : training) {
            for (EventMention e : d.events().toList()) {
                for (ArgumentMention a : e.arguments()) {
                    counts.computeIfAbsent(e.subtype(), k -> new EnumMap<>(Role.class)).merge(a.role(), 1, Integer::sum);
                }
            }
        }
        Map<Subtype, Set<Role>> allowed = new EnumMap<>(Subtype.class);
        counts.forEach((s, roles) -> {
            Set<Role> set = EnumSet.noneOf(Role.class);
            roles.forEach((r, c) -> {
                if (c >= minCount) {
                    set.add(r);
                }
            });
            allowed.put(s, set);
        });
        return new RoleConstraints(allowed);
    }

    public boolean allows(Subtype subtype, Role role) {
        return allowed.get(subtype).contains(role);
    }

    /** Per role class index (in {@link ArgumentExamples#LABELS} order): may it be emitted for this subtype. */
    public boolean[] mask(Subtype subtype) {
        Role[] roles = Role.values();
        boolean[] mask = new boolean[roles.length];
        for (int r = 0; r < roles.length; r++) {
            mask[r] = allows(subtype, roles[r]);
        }
        return mask;
    }

    /** Subtype name -> role labels, for the model bundle. */
    public Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new TreeMap<>();
        allowed.forEach((s, roles) -> out.put(s.name(), roles.stream().map(Role::label).sorted().toList()));
        return out;
    }

    public static RoleConstraints fromMap(Map<String, List<String>> map) {
        Map<Subtype, Set<Role>> allowed = new EnumMap<>(Subtype.class);
        map.forEach((s, roles) -> {
            Subtype subtype = Subtype.parse(s).orElseThrow(() -> new IllegalArgumentException("unknown subtype " + s));
            Set<Role> set = EnumSet.noneOf(Role.class);
            for (String r : roles) {
                set.add(Role.parse(r).orElseThrow(() -> new IllegalArgumentException("unknown role " + r)));
            }
            allowed.put(subtype, set);
        });
        return new RoleConstraints(allowed);
    }
}
