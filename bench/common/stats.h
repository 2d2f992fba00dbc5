#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace pd::bench {

/// @brief The @p p quantile (0…1) of @p v by nearest rank; 0 for no values.
inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto idx = std::size_t(std::clamp(p * double(v.size() - 1) + 0.5, 0.0, double(v.size() - 1)));
    return v[idx];
}

} // namespace pd::bench
