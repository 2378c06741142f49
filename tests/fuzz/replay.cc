// SPDX-License-Identifier: GPL-2.0-only
// Replays files, or every file under folders, through the runtime fuzzer's entry
// (scenario_run.h), for builds without libFuzzer: `fuzz_replay tests/fuzz/regressions`.
// A finding crashes, hangs or trips a sanitizer here as it did under the fuzzer.
#include "scenario_run.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char **argv)
{
	std::vector<fs::path> files;
	for (int i = 1; i < argc; ++i) {
		if (!fs::is_directory(argv[i])) {
			files.emplace_back(argv[i]);
			continue;
		}
		for (const auto &e : fs::recursive_directory_iterator(argv[i]))
			if (e.is_regular_file())
				files.push_back(e.path());
	}
	std::sort(files.begin(), files.end());
	if (files.empty()) {
		std::fprintf(stderr, "usage: fuzz_replay FILE|DIR...\n");
		return 2;
	}
	for (const fs::path &f : files) {
		std::ifstream in(f, std::ios::binary);
		if (!in) {
			std::fprintf(stderr, "fuzz_replay: cannot read %s\n", f.c_str());
			return 2;
		}
		std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
		fuzz_scenario(reinterpret_cast<const std::uint8_t *>(bytes.data()), bytes.size());
	}
	std::printf("fuzz_replay: %zu inputs ran\n", files.size());
	return 0;
}
