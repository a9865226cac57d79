package gfa.features;

import java.util.List;

/** The 29 descriptor columns of Gong et al. (2024), Table S2, as named and ordered in their files. */
final class Gong2024Columns {
  private Gong2024Columns() {}

  static final List<String> NAMES =
      List.of(
          "mean simul. packing efficiency",
          "mean abs simul. packing efficiency",
          "dist from 1 clusters |APE| < 0.010",
          "PymatgenData mean X",
          "PymatgenData std_dev X",
          "PymatgenData mean group",
          "PymatgenData std_dev group",
          "PymatgenData mean block",
          "PymatgenData std_dev block",
          "PymatgenData mean atomic_mass",
          "PymatgenData std_dev atomic_mass",
          "PymatgenData mean atomic_radius",
          "PymatgenData std_dev atomic_radius",
          "PymatgenData mean mendeleev_no",
          "PymatgenData std_dev mendeleev_no",
          "PymatgenData mean electrical_resistivity",
          "PymatgenData mean thermal_conductivity",
          "PymatgenData std_dev thermal_conductivity",
          "PymatgenData mean melting_point",
          "PymatgenData std_dev melting_point",
          "Miedema_deltaH_amor",
          "frac s valence electrons",
          "frac p valence electrons",
          "frac d valence electrons",
          "frac f valence electrons",
          "Yang omega",
          "Yang delta",
          "Miedema_deltaH_ami",
          "Miedema_deltaH_am_min");
}
