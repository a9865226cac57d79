package gfa.models.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parameters a search tunes, in the order they appear in every trial's parameter map. */
public record SearchSpace(List<Parameter> parameters) {
  public SearchSpace {
    parameters = List.copyOf(parameters);
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("a search space needs at least one parameter");
    }
    Set<String> names = new HashSet<>();
    for (Parameter p : parameters) {
      if (!names.add(p.name())) {
        throw new IllegalArgumentException("parameter '" + p.name() + "' is defined twice");
      }
    }
  }

  public static SearchSpace of(Parameter... parameters) {
    return new SearchSpace(List.of(parameters));
  }

  /** The parameter called {@code name}; throws for an unknown name. */
  public Parameter parameter(String name) {
    for (Parameter p : parameters) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no parameter '" + name + "' in " + names());
  }

  public List<String> names() {
    List<String> names = new ArrayList<>(parameters.size());
    for (Parameter p : parameters) {
      names.add(p.name());
    }
    return names;
  }

  /** Whether {@code params} holds exactly this space's parameters, in order, each with an admitted value. */
  public boolean admits(Map<String, Object> params) {
    if (!new ArrayList<>(params.keySet()).equals(names())) {
      return false;
    }
    for (Parameter p : parameters) {
      if (!p.admits(params.get(p.name()))) {
        return false;
      }
    }
    return true;
  }
}
